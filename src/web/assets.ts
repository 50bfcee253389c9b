// Static assets (DKFDS and our own CSS/JS) served from our own origin under a
// content-hashed prefix, so they can be cached forever ("immutable") and a new
// release changes every URL at once. DKFDS's CSS refers to its fonts and
// images relatively (../fonts/…, ../img/…), so its dist/ folder keeps its shape
// under the prefix: /assets/<hash>/css/dkfds.min.css → dist/css/dkfds.min.css.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { DKFDS_DIST } from "../dkfds.ts";
import { splitOrganisationPath } from "../domain/organisationAddress.ts";
import { gzipOnce, sendKept, worthCompressing } from "../http/gzip.ts";
import { link } from "../http/links.ts";

/** Our own static files (pejl.css, init.js, favicon.svg, and the static site's search script). */
export const STATIC_DIR = fileURLToPath(new URL("./static/", import.meta.url));

/** URL prefix of our own files inside the hashed folder; DKFDS has no folder of that name. */
const OWN_PREFIX = "pejl/";
/** Top-level DKFDS folders we serve; scss/ and the README stay private. */
const DKFDS_FOLDERS = new Set(["css", "js", "fonts", "img"]);
const OWN_FILES = ["pejl.css", "init.js", "favicon.svg", "static-search.js"];

const CONTENT_TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".eot": "application/vnd.ms-fontobject",
};

const IMMUTABLE = "public, max-age=31536000, immutable";
// A page rendered by an older release (another instance behind the load
// balancer, §10) may ask for an old hash: serve today's file, but briefly.
const STALE_HASH = "public, max-age=300";

function computeHash(): string {
  const version = JSON.parse(readFileSync(join(DKFDS_DIST, "..", "package.json"), "utf8")).version as string;
  const h = createHash("sha256").update(`dkfds@${version}\n`);
  for (const name of OWN_FILES)
    h.update(name)
      .update("\0")
      .update(readFileSync(join(STATIC_DIR, name)));
  return h.digest("hex").slice(0, 12);
}

/** Changes whenever the DKFDS version or one of our static files changes. */
export const ASSET_HASH = computeHash();

/**
 * The public URL of an asset: `assetUrl("css/dkfds.min.css")` for DKFDS files
 * (relative to dkfds/dist), `assetUrl("pejl/pejl.css")` for ours.
 */
export function assetUrl(path: string): string {
  // Under the organisation's prefix too (/k/<slug>/assets/…), so a proxy that forwards only that prefix serves them.
  return link(`/assets/${ASSET_HASH}/${path.replace(/^\/+/, "")}`);
}

/**
 * Maps the part of the URL after the hash to a file on disk, or undefined when
 * it is not an asset we serve. Decoding happens here, once, so an encoded
 * "%2e%2e" or "%2f" is judged after decoding like a literal one.
 */
export function resolveAssetPath(rest: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const segments = decoded.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return undefined;
  if (!(extname(decoded).toLowerCase() in CONTENT_TYPES)) return undefined;

  let root: string;
  let relative: string;
  if (decoded.startsWith(OWN_PREFIX)) {
    root = STATIC_DIR;
    relative = decoded.slice(OWN_PREFIX.length);
  } else {
    if (!DKFDS_FOLDERS.has(segments[0] ?? "")) return undefined;
    root = DKFDS_DIST;
    relative = decoded;
  }
  const full = resolve(root, relative);
  // Belt and braces: the segment check above already rules out escaping.
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return full.startsWith(rootWithSep) ? full : undefined;
}

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** Its gzipped copy, made on first use, for text (CSS, JavaScript, SVG); fonts and images are compressed already. */
  gzipped?: () => Promise<Uint8Array<ArrayBuffer>>;
}

// Assets are a few hundred kB in all; keeping read files (and their gzipped copies) in
// memory avoids a disk read and a compression per request. Only files that exist are
// cached, so the cache stays bounded by what is on disk.
const cache = new Map<string, Asset>();

async function load(file: string): Promise<Asset | undefined> {
  const hit = cache.get(file);
  if (hit) return hit;
  try {
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    const body = new Uint8Array(await readFile(file));
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    const asset = {
      body,
      type,
      gzipped: worthCompressing(type, body.byteLength) ? gzipOnce(body) : undefined,
    };
    cache.set(file, asset);
    return asset;
  } catch {
    return undefined;
  }
}

/** Mount with `app.route("/", assetRoutes())`; answers GET/HEAD under /assets/. */
export function assetRoutes(): Hono {
  const app = new Hono();
  app.get("/assets/:hash/*", async (c) => {
    const hash = c.req.param("hash");
    const prefix = `/assets/${hash}/`;
    // The raw (still percent-encoded) path, so resolveAssetPath sees what the client sent.
    const requested = new URL(c.req.url).pathname;
    const rawPath = splitOrganisationPath(requested)?.rest ?? requested;
    const rest = rawPath.startsWith(prefix) ? rawPath.slice(prefix.length) : "";
    const file = resolveAssetPath(rest);
    const asset = file ? await load(file) : undefined;
    if (!asset) return c.notFound();
    const headers: Record<string, string> = {
      "content-type": asset.type,
      "cache-control": hash === ASSET_HASH ? IMMUTABLE : STALE_HASH,
      "x-content-type-options": "nosniff",
    };
    if (asset.gzipped) headers.vary = "Accept-Encoding";
    const sent = await sendKept(c.req, asset.body, headers, asset.gzipped);
    return new Response(sent.body, { headers: sent.headers });
  });
  return app;
}
