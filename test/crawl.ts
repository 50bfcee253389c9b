// Follows every link of a site from a start page, as a visitor (or a logged-in
// user) would, through the app's own request function: what a test of "every
// page" needs. Records each page's status, text (zip-based downloads are
// unpacked) and the links it writes, so a test can check them all.
import { unzipSync } from "fflate";

export interface CrawledPage {
  path: string;
  status: number;
  contentType: string;
  /** The body as text; for a zip (package, DOCX, XLSX) every entry's text joined. */
  text: string;
  /** Every href, action and src the page writes that points into this site (starts with one "/"). */
  links: string[];
}

const ATTRIBUTE = /\s(?:href|action|src)="([^"]*)"/g;

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

export function internalLinks(html: string): string[] {
  return [...html.matchAll(ATTRIBUTE)]
    .map((m) => decodeEntities(m[1]!))
    .filter((url) => url.startsWith("/") && !url.startsWith("//"));
}

async function bodyText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const entries = unzipSync(bytes);
    return Object.values(entries)
      .map((e) => new TextDecoder().decode(e))
      .join("\n");
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Visits `start` and every page and asset its links lead to that starts with
 * `within`, up to `max` pages. Up to `parallel` requests are in flight at once;
 * the pages, their order and the links followed are those of one at a time.
 */
export async function crawl(
  request: (path: string) => Promise<Response>,
  start: string,
  opts: { within: string; max?: number; skip?: (path: string) => boolean; parallel?: number },
): Promise<CrawledPage[]> {
  const max = opts.max ?? 400;
  const parallel = opts.parallel ?? 1;
  const seen = new Set<string>([start]);
  const queue = [start];
  const pages: CrawledPage[] = [];
  const visit = async (path: string): Promise<CrawledPage> => {
    const res = await request(path);
    const contentType = res.headers.get("content-type") ?? "";
    const text = await bodyText(res);
    const links = contentType.includes("text/html") ? internalLinks(text) : [];
    return { path, status: res.status, contentType, text, links };
  };
  while (queue.length && pages.length < max) {
    const batch = queue.splice(0, Math.min(parallel, max - pages.length));
    for (const page of await Promise.all(batch.map(visit))) {
      pages.push(page);
      if (!page.contentType.includes("text/html")) continue;
      // Followed: links and assets. Form actions are only checked (a POST target need not answer GET).
      for (const link of internalLinks(page.text.replace(/<form[^>]*>/g, ""))) {
        const target = link.split("#")[0]!;
        if (!target || seen.has(target)) continue;
        if (!target.startsWith(opts.within) || opts.skip?.(target)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return pages;
}
