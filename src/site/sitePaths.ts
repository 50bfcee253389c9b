// Where each portal URL lives in the static site, and which URLs have a static
// equivalent at all. One scheme everywhere: a page is a folder with an
// index.html (`/politikker/x` → `politikker/x/index.html`, `/` → `index.html`),
// a file keeps its path (`/data/goals.csv`), and a page with query parameters
// that a static site can hold (paging, a policy or ground filter, a breakdown,
// CSV) is a file of its own beside the page (`/initiativer?side=2` →
// `initiativer/index_side-2.html`, `?format=csv` → `initiativer.csv`). Links are
// written relative to the page that holds them, so the folder works on any host,
// under any path.
import { createHash } from "node:crypto";
import { posix } from "node:path";

/** Parts of the portal that need the server: their links are not followed. */
const SERVER_ONLY = [/^\/admin(\/|$)/, /^\/api(\/|$)/, /^\/healthz$/, /^\/opsaetning(\/|$)/, /^\/k\//];

/** The query parameters a page may keep in the static site; any other makes the link server-only. */
const STATIC_PARAMETERS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^\/initiativer$/, ["politikker", "politik", "grund", "side", "format"]],
  [/^\/indikatorer\/[^/]+$/, ["opdeling", "format"]],
  [/^\/soeg$/, ["q"]],
];

/** The search page: its query is read by the page's script, not a file of its own. */
export const SEARCH_PATH = "/soeg";

export interface StaticUrl {
  path: string;
  /** The kept parameters, sorted by name (one file per combination). */
  params: [string, string][];
}

/**
 * The static counterpart of a site path as written in a page (`/x?a=1`), or
 * undefined when it has none (server-only, or a query a static site cannot answer).
 */
export function staticUrl(href: string): StaticUrl | undefined {
  const [rawPath = "", query = ""] = href.split("?", 2);
  let path: string;
  try {
    path = decodeURI(rawPath);
  } catch {
    return undefined;
  }
  if (!path.startsWith("/") || SERVER_ONLY.some((re) => re.test(path))) return undefined;
  const params = [...new URLSearchParams(query)].filter(([, v]) => v !== "");
  if (params.length === 0) return { path, params: [] };
  const allowed = STATIC_PARAMETERS.find(([re]) => re.test(path))?.[1];
  if (!allowed || params.some(([k]) => !allowed.includes(k))) return undefined;
  if (params.some(([k, v]) => k === "format" && v !== "csv")) return undefined;
  return { path, params: params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}

/** The request path for the app (the parameters the page keeps, and only those). */
export function requestPath(url: StaticUrl): string {
  if (url.params.length === 0) return url.path;
  return `${url.path}?${new URLSearchParams(url.params).toString()}`;
}

/** A parameter value as a file-name part: lower-case letters, digits and hyphens, unique. */
function fileSafe(value: string): string {
  const safe = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  if (safe === value && safe !== "") return safe;
  return `${safe}${safe ? "-" : ""}${createHash("sha256").update(value).digest("hex").slice(0, 8)}`;
}

const HAS_EXTENSION = /\.[A-Za-z0-9]{1,8}$/;

/** The file (relative to the site's root, no leading slash) that holds a static URL. */
export function fileOf(url: StaticUrl): string {
  const base = url.path.replace(/^\/+/, "").replace(/\/+$/, "");
  const params = url.params.filter(([k]) => !(url.path === SEARCH_PATH && k === "q"));
  if (params.length === 0) {
    if (base === "") return "index.html";
    return HAS_EXTENSION.test(base) ? base : `${base}/index.html`;
  }
  const csv = params.some(([k, v]) => k === "format" && v === "csv");
  const name = params
    .filter(([k]) => k !== "format")
    .map(([k, v]) => `${k}-${fileSafe(v)}`)
    .join("_");
  if (csv) return `${base || "index"}${name ? `_${name}` : ""}.csv`;
  return `${base ? `${base}/` : ""}index_${name}.html`;
}

/** The href from the page in file `from` to the file `to` (both relative to the site's root). */
export function relativeHref(from: string, to: string): string {
  const rel = posix.relative(posix.dirname(from), to);
  return encodeURI(rel === "" ? posix.basename(to) : rel);
}
