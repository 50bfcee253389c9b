// An in-process cache of rendered portal responses (issue 5, "Performance"),
// keyed by organisation (or the national scope), path and the query parameters the
// page reads (cacheKey.ts), valid while the registry's generation
// (queries/generation.ts) is unchanged and for at most MAX_AGE_MS. Every
// response gets a strong ETag of its bytes, and a matching If-None-Match gets
// a 304 without a body. Requests with cookies bypass the cache (a logged-in
// user's page may differ). The kept responses are bounded by their bytes
// (PEJL_RENDER_CACHE_MB), not by their number, so all of a large organisation's
// pages fit; past the bound the least recently used go first. A client that accepts
// gzip gets the page's gzipped copy, made once on the first such request and kept
// beside it (counted against the bound too).
import { createHash } from "node:crypto";
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/appEnv.ts";
import { gzipOnce, sendKept, worthCompressing } from "../../http/gzip.ts";
import { responseBytes } from "../../http/textResponse.ts";
import { currentGeneration, MAX_AGE_MS, onGenerationBump } from "../../queries/generation.ts";
import { mergeReads, type QueryReads, relevantQuery, splitTarget, trackQueryReads } from "./cacheKey.ts";

/** The kept responses together stay under this by default (PEJL_RENDER_CACHE_MB); least recently used go first. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
/** Large bodies (a big CSV or zip) are served but not kept. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** What an entry costs beside its body and headers (the key, the object, the Map slot), roughly. */
const ENTRY_OVERHEAD_BYTES = 256;
/** How many pages' learned query parameters are kept (a few dozen bytes each). */
const MAX_LEARNED_PAGES = 100_000;

interface Entry {
  key: string;
  generation: number;
  storedAt: number;
  status: number;
  /** A plain object and a Uint8Array body keep @hono/node-server on its fast path (no stream, no Headers copy). */
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** The body gzipped, made on first use; absent where compressing is not worth it (small, or not text). */
  gzipped?: () => Promise<Uint8Array<ArrayBuffer>>;
  /** What the entry counts against the byte bound. */
  bytes: number;
}

export interface RenderCache {
  middleware: MiddlewareHandler<AppEnv>;
  clear(): void;
  /** How many responses are kept. */
  readonly size: number;
  /** What the kept responses count against the byte bound. */
  readonly bytes: number;
}

function etagOf(body: Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

function sizeOf(key: string, headers: Record<string, string>, body: Uint8Array): number {
  let bytes = ENTRY_OVERHEAD_BYTES + key.length * 2 + body.byteLength;
  for (const name in headers) bytes += (name.length + (headers[name]?.length ?? 0)) * 2;
  return bytes;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  // Weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function notModified(headers: Record<string, string>): Response {
  const { "content-length": _length, ...rest } = headers;
  return new Response(null, { status: 304, headers: rest });
}

/** `vary` with Accept-Encoding added: a shared cache must keep the gzipped and the plain copy apart. */
function varyOnEncoding(headers: Record<string, string>): void {
  const vary = headers.vary;
  if (vary === "*" || vary?.toLowerCase().includes("accept-encoding")) return;
  headers.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
}

export function createRenderCache(
  opts: {
    now?: () => number;
    /** Whose pages these are: the request's organisation by default; the national pages pass NATIONAL_SCOPE. */
    scope?: (c: HonoContext<AppEnv>) => string;
    /** The bound on the kept responses' bytes (bodies, headers, keys); DEFAULT_MAX_BYTES if omitted. */
    maxBytes?: number;
  } = {},
): RenderCache {
  const now = opts.now ?? Date.now;
  const scopeOf = opts.scope ?? ((c) => c.get("organisation").id);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxBodyBytes = Math.min(MAX_BODY_BYTES, maxBytes);
  const entries = new Map<string, Entry>();
  /** Per scope and path: the query parameters its page reads (learned when it renders). */
  const readsOf = new Map<string, QueryReads>();
  let totalBytes = 0;
  /** The entry as a response to this request: 304, its gzipped copy, or its bytes. */
  const respond = async (c: HonoContext<AppEnv>, entry: Entry): Promise<Response> => {
    if (matches(c.req.header("If-None-Match"), entry.etag)) return notModified(entry.headers);
    const sent = await sendKept(c.req, entry.body, entry.headers, entry.gzipped);
    return new Response(sent.body, { status: entry.status, headers: sent.headers });
  };
  const evict = () => {
    while (totalBytes > maxBytes) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      drop(oldest);
    }
  };
  /** The entry's gzipped copy, once made, counts against the bound too (if the entry is still kept). */
  const countCopy = (entry: Entry, gzipped: Uint8Array) => {
    if (entries.get(entry.key) !== entry) return;
    entry.bytes += gzipped.byteLength;
    totalBytes += gzipped.byteLength;
    evict();
  };
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    totalBytes -= entry.bytes;
    entries.delete(key);
  };
  // A write drops the organisation's pages (and the national ones) at once, so memory is not held by stale entries.
  onGenerationBump((scope) => {
    for (const key of [...entries.keys()]) if (key.startsWith(`${scope} `)) drop(key);
  });

  // A request this cache already handles: mounted on overlapping paths ("/x" and "/x/*"
  // both match /x), it would run twice and keep its own gzipped answer as a page.
  const handling = new WeakSet<Request>();
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const method = c.req.method;
    if ((method !== "GET" && method !== "HEAD") || handling.has(c.req.raw)) return next();
    handling.add(c.req.raw);
    // A request with cookies may be a logged-in user's, whose page can differ: never share it.
    if (c.req.header("Cookie")) return next();
    const scope = scopeOf(c);
    // The path keeps the /k/<slug> prefix.
    const { path, search } = splitTarget(c.req.url);
    const page = `${scope} ${path}`;
    const keyWith = (reads: QueryReads | undefined) => {
      if (search === "") return page;
      if (reads === undefined) return undefined;
      const query = relevantQuery(search, reads);
      return query === "" ? page : `${page}?${query}`;
    };
    const key = keyWith(readsOf.get(page));
    const generation = currentGeneration(scope);
    const cached = key === undefined ? undefined : entries.get(key);
    if (key !== undefined && cached) {
      if (cached.generation === generation && now() - cached.storedAt < MAX_AGE_MS) {
        // Re-insert: Map order is the LRU order.
        entries.delete(key);
        entries.set(key, cached);
        return respond(c, cached);
      }
      drop(key);
    }

    const reads = trackQueryReads(c.req);
    await next();
    const res = c.res;
    // Kept and compressed here from the page's own bytes: a body encoded already is not a page's.
    if (res.status !== 200 || res.headers.has("Set-Cookie") || res.headers.has("Content-Encoding")) return;
    const learned = mergeReads(readsOf.get(page), reads());
    readsOf.delete(page);
    readsOf.set(page, learned);
    if (readsOf.size > MAX_LEARNED_PAGES) readsOf.delete(readsOf.keys().next().value!);
    const storeKey = keyWith(learned)!;
    const body = await responseBytes(res);
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const etag = etagOf(body);
    headers.etag = etag;
    headers["cache-control"] ??= "no-cache";
    const compressible = worthCompressing(headers["content-type"], body.byteLength);
    if (compressible) varyOnEncoding(headers);
    const bytes = sizeOf(storeKey, headers, body);
    const entry: Entry = {
      key: storeKey,
      generation,
      storedAt: now(),
      status: res.status,
      headers,
      body,
      etag,
      bytes,
    };
    if (compressible) entry.gzipped = gzipOnce(body, (gzipped) => countCopy(entry, gzipped));
    if (body.byteLength <= maxBodyBytes && bytes <= maxBytes) {
      drop(storeKey);
      entries.set(storeKey, entry);
      totalBytes += bytes;
      evict();
    }
    c.res = undefined as unknown as Response;
    c.res = await respond(c, entry);
  };

  return {
    middleware,
    clear: () => {
      entries.clear();
      readsOf.clear();
      totalBytes = 0;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return totalBytes;
    },
  };
}
