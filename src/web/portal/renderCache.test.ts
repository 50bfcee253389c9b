// The render cache on its own: served from memory while the generation holds,
// re-rendered after a bump or after MAX_AGE_MS, never shared with a request
// that carries cookies, ETag/304.
import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { type Context, publicActor } from "../../context.ts";
import type { AppEnv } from "../../http/appEnv.ts";
import { bumpGeneration, MAX_AGE_MS } from "../../queries/generation.ts";
import { createRenderCache } from "./renderCache.ts";

function appWithCache(organisationId: string, maxBytes?: number) {
  let clock = 0;
  let renders = 0;
  const cache = createRenderCache({ now: () => clock, maxBytes });
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("ctx", { organisationId, actor: publicActor } as unknown as Context);
    c.set("organisation", {
      id: organisationId,
      slug: organisationId,
      name: "Testkommune",
      councilName: "kommunalbestyrelsen",
    });
    await next();
  });
  app.use(cache.middleware);
  app.get("/side", (c) => c.html(`<p>udgave ${++renders}</p>`));
  app.get("/sager/:n", (c) => c.html(`<p>sag ${c.req.param("n")}, udgave ${++renders}</p>`));
  // Long enough to be worth compressing.
  app.get("/lang", (c) =>
    c.html(`<p>udgave ${++renders}</p>${"<p>Lige muligheder for alle.</p>".repeat(200)}`),
  );
  app.get("/mangler", (c) => c.html("<p>findes ikke</p>", 404));
  app.get("/liste", (c) => {
    const page = c.req.query("side") ?? "1";
    // Read only with a search, as a page may do.
    const more = c.req.query("q") ? ` ${c.req.query("raekkefoelge") ?? ""}` : "";
    return c.html(`<p>side ${page}${more}, udgave ${++renders}</p>`);
  });
  return { app, cache, advance: (ms: number) => (clock += ms) };
}

describe("render cache", () => {
  it("serves the stored page until the generation is bumped or the entry is too old", async () => {
    const org = crypto.randomUUID();
    const { app, advance } = appWithCache(org);
    expect(await (await app.request("/side")).text()).toBe("<p>udgave 1</p>");
    expect(await (await app.request("/side")).text()).toBe("<p>udgave 1</p>");
    bumpGeneration(org);
    expect(await (await app.request("/side")).text()).toBe("<p>udgave 2</p>");
    advance(MAX_AGE_MS + 1);
    expect(await (await app.request("/side")).text()).toBe("<p>udgave 3</p>");
    // Another organisation's bump leaves this one's pages alone.
    bumpGeneration(crypto.randomUUID());
    expect(await (await app.request("/side")).text()).toBe("<p>udgave 3</p>");
  });

  it("does not share pages with requests that carry cookies, and does not keep errors", async () => {
    const { app } = appWithCache(crypto.randomUUID());
    await app.request("/side");
    const withCookie = await app.request("/side", { headers: { Cookie: "session=abc" } });
    expect(await withCookie.text()).toBe("<p>udgave 2</p>");
    expect((await app.request("/mangler")).status).toBe(404);
    expect((await app.request("/mangler")).status).toBe(404);
  });

  it("answers If-None-Match with 304 and no body, and a different tag with the page", async () => {
    const { app } = appWithCache(crypto.randomUUID());
    const first = await app.request("/side");
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const notModified = await app.request("/side", { headers: { "If-None-Match": `W/${etag}` } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    const other = await app.request("/side", { headers: { "If-None-Match": '"noget-andet"' } });
    expect(other.status).toBe(200);
  });

  it("keys a page by the parameters it reads, so other parameters cannot make new entries", async () => {
    const { app } = appWithCache(crypto.randomUUID());
    const text = async (url: string) => (await app.request(url)).text();
    expect(await text("/side?z=1")).toBe("<p>udgave 1</p>");
    expect(await text("/side?z=2")).toBe("<p>udgave 1</p>");
    expect(await text("/side")).toBe("<p>udgave 1</p>");
    expect(await text("/liste?side=2&z=1")).toBe("<p>side 2, udgave 2</p>");
    expect(await text("/liste?z=9&side=2")).toBe("<p>side 2, udgave 2</p>");
    expect(await text("/liste?side=3")).toBe("<p>side 3, udgave 3</p>");
    // A parameter read only when another is given is learned and then kept apart.
    expect(await text("/liste?q=a&raekkefoelge=x")).toBe("<p>side 1 x, udgave 4</p>");
    expect(await text("/liste?q=a&raekkefoelge=y")).toBe("<p>side 1 y, udgave 5</p>");
    expect(await text("/liste?raekkefoelge=y&q=a&z=1")).toBe("<p>side 1 y, udgave 5</p>");
  });

  it("keeps every page that fits its byte bound, however many", async () => {
    const { app, cache } = appWithCache(crypto.randomUUID(), 4 * 1024 * 1024);
    const text = async (url: string) => (await app.request(url)).text();
    for (let n = 1; n <= 1500; n++) await text(`/sager/${n}`);
    expect(cache.size).toBe(1500);
    // All still served from memory: the first page was rendered first.
    expect(await text("/sager/1")).toBe("<p>sag 1, udgave 1</p>");
    expect(await text("/sager/1500")).toBe("<p>sag 1500, udgave 1500</p>");
  });

  it("evicts the least recently used page when over its byte bound", async () => {
    // The bound is a byte count: measure what one page costs and allow three.
    const { app, cache } = appWithCache(crypto.randomUUID(), 3 * (await pageBytes()) + 10);
    const text = async (url: string) => (await app.request(url)).text();
    await text("/sager/1");
    await text("/sager/2");
    await text("/sager/3");
    // Reading 1 makes 2 the least recently used; a fourth page then pushes 2 out.
    expect(await text("/sager/1")).toBe("<p>sag 1, udgave 1</p>");
    await text("/sager/4");
    expect(cache.size).toBe(3);
    expect(await text("/sager/1")).toBe("<p>sag 1, udgave 1</p>");
    expect(await text("/sager/3")).toBe("<p>sag 3, udgave 3</p>");
    expect(await text("/sager/2")).toBe("<p>sag 2, udgave 5</p>");
  });

  it("counts a page's gzipped copy against its bound once it is made, and serves that copy again", async () => {
    const { app, cache } = appWithCache(crypto.randomUUID());
    await app.request("/lang");
    const plain = cache.bytes;
    const gzip = { "Accept-Encoding": "gzip" };
    const first = new Uint8Array(await (await app.request("/lang", { headers: gzip })).arrayBuffer());
    expect(cache.bytes).toBe(plain + first.byteLength);
    const second = await app.request("/lang", { headers: gzip });
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(first);
    expect(cache.bytes).toBe(plain + first.byteLength);
    // Still the first rendering.
    expect(gunzipSync(first).toString()).toMatch(/^<p>udgave 1<\/p>/);
  });

  it("handles a request once where it is mounted on paths that overlap", async () => {
    const organisationId = crypto.randomUUID();
    let renders = 0;
    const cache = createRenderCache({ scope: () => organisationId });
    const app = new Hono<AppEnv>();
    // "/x/*" matches /x too: both mounts run for it.
    app.use("/x", cache.middleware);
    app.use("/x/*", cache.middleware);
    app.get("/x", (c) =>
      c.html(`<p>udgave ${++renders}</p>${"<p>Lige muligheder for alle.</p>".repeat(200)}`),
    );
    // Handled twice, a HEAD request's empty answer would be kept as the page.
    expect((await app.request("/x", { method: "HEAD" })).status).toBe(200);
    const zipped = await app.request("/x", { headers: { "Accept-Encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    const page = gunzipSync(new Uint8Array(await zipped.arrayBuffer())).toString();
    expect(page).toMatch(/^<p>udgave 1<\/p>/);
    expect(cache.size).toBe(1);
    expect(await (await app.request("/x")).text()).toBe(page);
  });

  it("with a bound smaller than any page keeps nothing and still serves every page", async () => {
    const { app, cache } = appWithCache(crypto.randomUUID(), 1);
    expect(await (await app.request("/sager/1")).text()).toBe("<p>sag 1, udgave 1</p>");
    expect(await (await app.request("/sager/1")).text()).toBe("<p>sag 1, udgave 2</p>");
    expect(cache.size).toBe(0);
  });
});

/** What one /sager/<n> page (n of one digit) counts against the bound. */
async function pageBytes(): Promise<number> {
  const { app, cache } = appWithCache(crypto.randomUUID());
  await app.request("/sager/9");
  return cache.bytes;
}
