import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DKFDS_DIST } from "../dkfds.ts";
import { ASSET_HASH, assetRoutes, assetUrl, resolveAssetPath } from "./assets.ts";

const app = assetRoutes();
const get = (path: string) => app.request(path);

describe("assetUrl", () => {
  it("puts the content hash in front of the path", () => {
    expect(ASSET_HASH).toMatch(/^[0-9a-f]{12}$/);
    expect(assetUrl("css/dkfds.min.css")).toBe(`/assets/${ASSET_HASH}/css/dkfds.min.css`);
    expect(assetUrl("/pejl/pejl.css")).toBe(`/assets/${ASSET_HASH}/pejl/pejl.css`);
  });
});

describe("assetRoutes", () => {
  it("serves DKFDS's CSS and JS with their types and an immutable cache header", async () => {
    const css = await get(assetUrl("css/dkfds.min.css"));
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(css.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await css.text()).length).toBeGreaterThan(100_000);

    const js = await get(assetUrl("js/dkfds.min.js"));
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  });

  it("serves our own files under pejl/", async () => {
    const css = await get(assetUrl("pejl/pejl.css"));
    expect(css.status).toBe(200);
    expect(await css.text()).toContain("@media print");
    const js = await get(assetUrl("pejl/init.js"));
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await js.text()).toContain("DKFDS.init()");
    expect((await get(assetUrl("pejl/favicon.svg"))).headers.get("content-type")).toBe("image/svg+xml");
  });

  it("resolves every url() in dkfds.min.css relative to css/ (fonts and images)", async () => {
    const css = readFileSync(join(DKFDS_DIST, "css", "dkfds.min.css"), "utf8");
    const urls = [...css.matchAll(/url\(["']?(\.\.\/[^)"'?#]+)/g)].map((m) => m[1] as string);
    expect(urls.length).toBeGreaterThan(50);
    const types = new Set<string>();
    for (const rel of new Set(urls)) {
      const res = await get(`/assets/${ASSET_HASH}/css/${rel}`);
      expect(res.status, rel).toBe(200);
      types.add(res.headers.get("content-type") ?? "");
    }
    expect(types).toContain("font/woff2");
    expect(types).toContain("image/svg+xml");
  });

  it("serves an old hash with a short cache, so pages from a previous release still get styled", async () => {
    const res = await get("/assets/000000000000/css/dkfds.min.css");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
  });

  it.each([
    "../package.json",
    "css/../../package.json",
    "css/..%2f..%2fpackage.json",
    "%2e%2e/%2e%2e/package.json",
    "css/%2e%2e/%2e%2e/README.md",
    "pejl/../assets.ts",
    "pejl/..%2fassets.ts",
    "pejl/%2e%2e%2fassets.ts",
    "css%2f..%2f..%2fpackage.json",
    "scss/dkfds.scss",
    "README.md",
    "css/",
    "css//dkfds.min.css",
    "css/dkfds.min.css%00.png",
    "css\\..\\..\\package.json",
    "js/dkfds.js.LICENSE.txt",
    "fonts/IBMPlexSans",
    "img/does-not-exist.svg",
  ])("404 for %s", async (rest) => {
    const res = await get(`/assets/${ASSET_HASH}/${rest}`);
    expect(res.status).toBe(404);
  });

  it("never resolves a path outside the two roots", () => {
    expect(resolveAssetPath("css/dkfds.min.css")).toBe(join(DKFDS_DIST, "css", "dkfds.min.css"));
    for (const bad of ["..%2f..%2fpackage.json", "css/%2e%2e/x.css", "pejl/..%5cx.css", "%"]) {
      expect(resolveAssetPath(bad)).toBeUndefined();
    }
  });
});
