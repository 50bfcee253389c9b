// The render cache's key: the page's path and only the query parameters the page
// reads. A page's reads are learned when it renders (its handler asks for each
// parameter by name), so `?z=1`, `?z=2`, … on a page that reads no `z` are one entry,
// not a new one each: a query string cannot be used to keep every request uncached.
import type { HonoRequest } from "hono";

/** The names a page read, or "all" when it asked for the whole query. */
export type QueryReads = ReadonlySet<string> | "all";

/** Path and query string of a request's raw URL (cheaper than new URL() on every request). */
export function splitTarget(rawUrl: string): { path: string; search: string } {
  const target = rawUrl.slice(rawUrl.indexOf("/", rawUrl.indexOf("//") + 2));
  const at = target.indexOf("?");
  return at < 0 ? { path: target, search: "" } : { path: target.slice(0, at), search: target.slice(at + 1) };
}

/** The part of the query string a page with these reads depends on, in a fixed order. */
export function relevantQuery(search: string, reads: QueryReads): string {
  if (search === "") return "";
  const params = new URLSearchParams(search);
  const kept = [...params].filter(([name]) => reads === "all" || reads.has(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(kept).toString();
}

/** Records which parameters the handler reads from `req` from now on. */
export function trackQueryReads(req: HonoRequest): () => QueryReads {
  const read = new Set<string>();
  let all = false;
  const query = req.query.bind(req);
  const queries = req.queries.bind(req);
  Object.assign(req, {
    query: (name?: string) => {
      if (name === undefined) all = true;
      else read.add(name);
      return name === undefined ? query() : query(name);
    },
    queries: (name?: string) => {
      if (name === undefined) all = true;
      else read.add(name);
      return name === undefined ? queries() : queries(name);
    },
  });
  return () => (all ? "all" : read);
}

/** Both sets of reads (a page may read a parameter only when another is given). */
export function mergeReads(a: QueryReads | undefined, b: QueryReads): QueryReads {
  if (a === undefined) return b;
  if (a === "all" || b === "all") return "all";
  return new Set([...a, ...b]);
}
