// Compressed responses through the whole app: a browser that accepts gzip gets the
// portal's pages, the design system's CSS and the admin's pages gzipped, and the same
// bytes once unpacked; a client that does not ask, or refuses gzip, gets them as they are.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { buildOrganisation, buildPolicy } from "../../test/factories.ts";
import { assetUrl } from "../web/assets.ts";
import { acceptsGzip, gzipOnce, sendKept } from "./gzip.ts";

const GZIP = { "Accept-Encoding": "gzip, deflate, br" };

async function bytes(res: Response) {
  return new Uint8Array(await res.arrayBuffer());
}

async function appWithPolicy() {
  const org = await buildOrganisation();
  // Long enough to be worth compressing (the page is well over a kilobyte anyway).
  const policy = await buildPolicy(org, { title: "Politik for lige muligheder for alle borgere" });
  return { app: await buildTestApp(org), path: `/politikker/${policy.slug}` };
}

describe("gzip", () => {
  it("reads Accept-Encoding with its weights", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("GZIP")).toBe(true);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("*;q=0")).toBe(false);
    expect(acceptsGzip("br, deflate")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("")).toBe(false);
  });

  it("sends a kept body gzipped only to a GET that accepts gzip, and a HEAD the plain headers without a body", async () => {
    const body = new TextEncoder().encode("Ligestilling i kommunen. ".repeat(100));
    const headers = { "content-type": "text/html; charset=UTF-8", etag: '"abc"' };
    const request = (method: string, acceptEncoding?: string) => ({
      method,
      header: (name: string) => (name.toLowerCase() === "accept-encoding" ? acceptEncoding : undefined),
    });
    const zipped = await sendKept(request("GET", "gzip"), body, headers, gzipOnce(body));
    expect(gunzipSync(zipped.body!)).toEqual(Buffer.from(body));
    expect(zipped.headers).toEqual({
      "content-type": "text/html; charset=UTF-8",
      "content-encoding": "gzip",
      "content-length": String(zipped.body!.byteLength),
      etag: 'W/"abc"',
    });
    for (const [req, copy] of [
      [request("HEAD", "gzip"), gzipOnce(body)],
      [request("GET", "identity"), gzipOnce(body)],
      [request("GET"), gzipOnce(body)],
      [request("GET", "gzip"), undefined],
    ] as const) {
      const plain = await sendKept(req, body, headers, copy);
      expect(plain.body).toBe(req.method === "HEAD" ? null : body);
      expect(plain.headers).toEqual(headers);
    }
  });

  it("serves a kept page gzipped to a client that asks, the same bytes once unpacked, and as it is to others", async () => {
    const { app, path } = await appWithPolicy();
    const plain = await app.request(path);
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toMatch(/accept-encoding/i);
    const page = await bytes(plain);

    const zipped = await app.request(path, { headers: GZIP });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toMatch(/accept-encoding/i);
    const packed = await bytes(zipped);
    expect(Number(zipped.headers.get("content-length"))).toBe(packed.byteLength);
    expect(packed.byteLength).toBeLessThan(page.byteLength / 2);
    expect(gunzipSync(packed)).toEqual(Buffer.from(page));
    // The same copy again, and its (weak) tag answers If-None-Match.
    const again = await app.request(path, { headers: GZIP });
    expect(await bytes(again)).toEqual(packed);
    const etag = zipped.headers.get("etag")!;
    expect(etag).toBe(`W/${plain.headers.get("etag")}`);
    const notModified = await app.request(path, { headers: { ...GZIP, "If-None-Match": etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");

    for (const refusing of ["gzip;q=0", "identity", "br"]) {
      const res = await app.request(path, { headers: { "Accept-Encoding": refusing } });
      expect(res.headers.get("content-encoding"), refusing).toBeNull();
      expect(await bytes(res)).toEqual(page);
    }
  });

  it("gzips the national pages", async () => {
    const { app } = await appWithPolicy();
    for (const path of ["/sammenlign", "/kommuner"]) {
      const plain = await bytes(await app.request(path));
      expect(new TextDecoder().decode(plain), path).toMatch(/^<!DOCTYPE html>/);
      for (let i = 0; i < 2; i++) {
        const zipped = await app.request(path, { headers: GZIP });
        expect(zipped.headers.get("content-encoding"), path).toBe("gzip");
        expect(gunzipSync(await bytes(zipped)), path).toEqual(Buffer.from(plain));
      }
      expect(await bytes(await app.request(path)), path).toEqual(plain);
    }
  });

  it("compresses the design system's CSS, but not its fonts", async () => {
    const { app } = await appWithPolicy();
    const css = assetUrl("css/dkfds.min.css");
    const plain = await bytes(await app.request(css));
    const zipped = await app.request(css, { headers: GZIP });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("cache-control")).toMatch(/immutable/);
    expect(gunzipSync(await bytes(zipped))).toEqual(Buffer.from(plain));
    const font = await app.request(assetUrl("fonts/IBMPlexSans/split/woff2/IBMPlexSans-Thin-Latin1.woff2"), {
      headers: GZIP,
    });
    expect(font.status).toBe(200);
    expect(font.headers.get("content-encoding")).toBeNull();
  });

  it("compresses the API's answers as they are sent, and their ETag still answers If-None-Match", async () => {
    const { app } = await appWithPolicy();
    const plain = await app.request("/api/openapi.json");
    const zipped = await app.request("/api/openapi.json", { headers: GZIP });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(gunzipSync(await bytes(zipped)).toString())).toEqual(await plain.json());
    const etag = zipped.headers.get("etag")!;
    expect(etag).toMatch(/^W\//);
    const notModified = await app.request("/api/openapi.json", {
      headers: { ...GZIP, "If-None-Match": etag },
    });
    expect(notModified.status).toBe(304);
  });

  it("compresses a page that is not kept (a logged-in user's) as it is sent", async () => {
    const { app, path } = await appWithPolicy();
    const plain = await bytes(await app.request(path, { headers: { Cookie: "x=1" } }));
    const zipped = await app.request(path, { headers: { ...GZIP, Cookie: "x=1" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(await bytes(zipped))).toEqual(Buffer.from(plain));
  });
});
