// `pejl export --format site`: the public portal as static files. Every page is
// rendered by the app itself (its request function, no server), starting at
// the front page and following every own link, asset and style-sheet reference;
// each is written to the file sitePaths.ts names, with its links made relative
// (staticHtml.ts). Then the search index is built over the pages (searchIndex.ts).
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors.ts";
import { assetUrl } from "../web/assets.ts";
import { buildSearchIndex } from "./searchIndex.ts";
import { fileOf, relativeHref, requestPath, SEARCH_PATH, type StaticUrl, staticUrl } from "./sitePaths.ts";
import { staticPage, styleSheetReferences } from "./staticHtml.ts";

/** Left in an exported folder, so `--force` replaces only a previous export. */
export const SITE_MARKER = ".pejl-site";

export type RequestFn = (path: string) => Response | Promise<Response>;

export interface SiteExportResult {
  outDir: string;
  /** Files written, relative to outDir (the search index's own files not counted). */
  files: string[];
  /** Pages in the search index. */
  indexedPages: number;
  /** Own links that did not answer 200 (path and status); none in a healthy portal. */
  broken: { path: string; status: number; from: string }[];
}

/**
 * Throws unless `outDir` may take the site: missing, empty, or (with `force`) an
 * earlier site export. Returns what is in it, for `exportSite` to clear.
 */
export async function checkOutDir(outDir: string, force: boolean): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return [];
    if (code === "ENOTDIR") throw new AppError("validation_failed", `${outDir} is a file, not a folder.`);
    throw error;
  }
  if (entries.length === 0) return [];
  if (!force)
    throw new AppError(
      "validation_failed",
      `The folder ${outDir} is not empty: choose an empty or new folder, or use --force to replace an earlier site export there.`,
    );
  if (!entries.includes(SITE_MARKER))
    throw new AppError(
      "validation_failed",
      `The folder ${outDir} is not empty and holds no earlier site export: --force replaces only a folder written by \`pejl export --format site\`.`,
    );
  return entries;
}

/** Exports the portal that `request` answers (for one organisation, at unprefixed URLs) to `outDir`. */
export async function exportSite(
  request: RequestFn,
  outDir: string,
  opts: { force?: boolean } = {},
): Promise<SiteExportResult> {
  for (const entry of await checkOutDir(outDir, opts.force ?? false))
    await rm(path.join(outDir, entry), { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const searchScript = assetUrl("pejl/static-search.js");
  const seen = new Set<string>(); // files queued
  const files: string[] = []; // files written
  const broken: SiteExportResult["broken"] = [];
  const queue: { url: StaticUrl; from: string }[] = [];
  const enqueue = (url: StaticUrl, from: string) => {
    const file = fileOf(url);
    if (seen.has(file)) return file;
    seen.add(file);
    queue.push({ url, from });
    return file;
  };
  enqueue({ path: "/", params: [] }, "");
  enqueue({ path: searchScript, params: [] }, "");

  while (queue.length) {
    const { url, from } = queue.shift()!;
    const file = fileOf(url);
    const res = await request(requestPath(url));
    if (res.status !== 200) {
      broken.push({ path: requestPath(url), status: res.status, from });
      await res.body?.cancel();
      continue;
    }
    const type = res.headers.get("content-type") ?? "";
    let body: string | Uint8Array;
    if (type.startsWith("text/html")) {
      const resolve = (href: string) => {
        const [target = "", fragment] = href.split("#", 2);
        const found = staticUrl(target);
        if (!found) return undefined;
        const targetFile = enqueue(found, requestPath(url));
        const q = found.path === SEARCH_PATH ? found.params.find(([k]) => k === "q") : undefined;
        return (
          relativeHref(file, targetFile) +
          (q ? `?q=${encodeURIComponent(q[1])}` : "") +
          (fragment !== undefined ? `#${fragment}` : "")
        );
      };
      const isSearch = url.path === SEARCH_PATH;
      body = staticPage(await res.text(), {
        resolve,
        searchPath: SEARCH_PATH,
        ...(isSearch ? { search: { script: resolve(searchScript)! } } : {}),
      });
    } else if (type.startsWith("text/css")) {
      body = await res.text();
      for (const ref of styleSheetReferences(body)) {
        const target = new URL(ref, `http://site${url.path}`).pathname;
        const found = staticUrl(target);
        if (found) enqueue(found, url.path);
      }
    } else {
      body = new Uint8Array(await res.arrayBuffer());
    }
    const target = path.join(outDir, ...file.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, body);
    files.push(file);
  }
  await writeFile(
    path.join(outDir, SITE_MARKER),
    "This folder is a static export of a Pejl portal (pejl export --format site).\n",
  );
  const indexedPages = await buildSearchIndex(outDir);
  return { outDir, files: files.sort(), indexedPages, broken };
}
