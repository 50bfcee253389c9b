// An in-process cache of rendered portal responses (issue 5, "Performance"),
// keyed by organisation (or the national scope), path and the query parameters the
// page reads (cacheKey.ts), valid while the registry's generation
// (queries/generation.ts) is unchanged and for at most MAX_AGE_MS. Every
// response gets a strong ETag of its bytes, and a matching If-None-Match gets
// a 304 without a body. Requests with cookies bypass the cache (a logged-in
// user's page may differ).
import { createHash } from "node:crypto";
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/appEnv.ts";
import { currentGeneration, onGenerationBump } from "../../queries/generation.ts";
import { mergeReads, type QueryReads, relevantQuery, splitTarget, trackQueryReads } from "./cacheKey.ts";

/** Safety net for writers that do not bump the generation (another process, §10). */
export const MAX_AGE_MS = 10_000;
/** Bounds memory against arbitrary query strings; least recently used entries go first. */
const MAX_ENTRIES = 1000;
/** Large bodies (a big CSV or zip) are served but not kept. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** All bodies together stay under this (document pages are large). */
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

interface Entry {
  generation: number;
  storedAt: number;
  status: number;
  /** A plain object and a Uint8Array body keep @hono/node-server on its fast path (no stream, no Headers copy). */
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

export interface RenderCache {
  middleware: MiddlewareHandler<AppEnv>;
  clear(): void;
  readonly size: number;
}

function etagOf(body: Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  // Weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function respond(entry: Entry, ifNoneMatch: string | undefined, head: boolean): Response {
  if (matches(ifNoneMatch, entry.etag)) {
    const { "content-length": _length, ...headers } = entry.headers;
    return new Response(null, { status: 304, headers });
  }
  return new Response(head ? null : entry.body, { status: entry.status, headers: { ...entry.headers } });
}

export function createRenderCache(
  opts: {
    now?: () => number;
    /** Whose pages these are: the request's organisation by default; the national pages pass NATIONAL_SCOPE. */
    scope?: (c: HonoContext<AppEnv>) => string;
  } = {},
): RenderCache {
  const now = opts.now ?? Date.now;
  const scopeOf = opts.scope ?? ((c) => c.get("organisation").id);
  const entries = new Map<string, Entry>();
  /** Per scope and path: the query parameters its page reads (learned when it renders). */
  const readsOf = new Map<string, QueryReads>();
  let totalBytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    totalBytes -= entry.body.byteLength;
    entries.delete(key);
  };
  // A write drops the organisation's pages (and the national ones) at once, so memory is not held by stale entries.
  onGenerationBump((scope) => {
    for (const key of [...entries.keys()]) if (key.startsWith(`${scope} `)) drop(key);
  });

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD") return next();
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
    const ifNoneMatch = c.req.header("If-None-Match");
    const cached = key === undefined ? undefined : entries.get(key);
    if (key !== undefined && cached) {
      if (cached.generation === generation && now() - cached.storedAt < MAX_AGE_MS) {
        // Re-insert: Map order is the LRU order.
        entries.delete(key);
        entries.set(key, cached);
        return respond(cached, ifNoneMatch, method === "HEAD");
      }
      drop(key);
    }

    const reads = trackQueryReads(c.req);
    await next();
    const res = c.res;
    if (res.status !== 200 || res.headers.has("Set-Cookie")) return;
    const learned = mergeReads(readsOf.get(page), reads());
    readsOf.delete(page);
    readsOf.set(page, learned);
    if (readsOf.size > MAX_ENTRIES) readsOf.delete(readsOf.keys().next().value!);
    const storeKey = keyWith(learned)!;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const etag = etagOf(body);
    headers.etag = etag;
    headers["cache-control"] ??= "no-cache";
    const entry: Entry = { generation, storedAt: now(), status: res.status, headers, body, etag };
    if (body.byteLength <= MAX_BODY_BYTES) {
      drop(storeKey);
      entries.set(storeKey, entry);
      totalBytes += body.byteLength;
      while (entries.size > MAX_ENTRIES || totalBytes > MAX_TOTAL_BYTES) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        drop(oldest);
      }
    }
    c.res = undefined as unknown as Response;
    c.res = respond(entry, ifNoneMatch, method === "HEAD");
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
  };
}
