// Markdown: YAML front matter is lifted out as metadata, the rest is rendered by marked (GitHub
// Flavored Markdown: pipe tables, nested lists, ATX and Setext headings) and its blocks read from
// the HTML as any web page's are. Parsed in a worker, as HTML is: the rendering goes through an
// HTML parser.
import { marked } from "marked";
import { MEDIA_TYPES } from "../detect.ts";
import type { ReadLimits } from "../limits.ts";
import type { RawText } from "../types.ts";
import { decodeText, unixNewlines } from "./decode.ts";
import { htmlToBlocks } from "./htmlBlocks.ts";
import { runInWorker } from "./isolate.ts";
import { checkTextLength } from "./text.ts";

const FRONT_MATTER = /^---\n((?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Read Markdown in a worker thread, under the time and memory limits. */
export function readMarkdown(bytes: Uint8Array, limits: ReadLimits): Promise<RawText> {
  return runInWorker("markdown", bytes, limits);
}

/** Read Markdown in this thread. Call through `readMarkdown` unless already isolated. */
export function readMarkdownInProcess(bytes: Uint8Array, limits: Pick<ReadLimits, "maxTextChars">): RawText {
  let source = unixNewlines(decodeText(bytes).text);
  checkTextLength(source, limits.maxTextChars);
  let metadataTitle: string | undefined;
  let heading = "";
  const front = FRONT_MATTER.exec(source);
  if (front && /^[\w-]+:/m.test(front[1] ?? "")) {
    metadataTitle = frontMatterValue(front[1] ?? "", "title");
    const subtitle = frontMatterValue(front[1] ?? "", "subtitle");
    source = source.slice(front[0].length);
    // The title (and subtitle) a converter moved out of the body is the document's first heading.
    if (metadataTitle) heading = `<h1>${escapeHtml(metadataTitle)}</h1>`;
    if (metadataTitle && subtitle) heading += `<h2>${escapeHtml(subtitle)}</h2>`;
  }
  const html = heading + marked.parse(source, { async: false, gfm: true });
  const { text, blocks } = htmlToBlocks(html, limits.maxTextChars);
  const raw: RawText = { mediaType: MEDIA_TYPES.markdown, text };
  if (blocks) raw.blocks = blocks;
  if (metadataTitle) raw.metadataTitle = metadataTitle;
  return raw;
}

const escapeHtml = (s: string): string => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;");

/** `title: …` from YAML front matter, unquoted; enough YAML for a title, no parser needed. */
function frontMatterValue(yaml: string, key: "title" | "subtitle"): string | undefined {
  const line = new RegExp(`^${key}:[ \\t]*(.+)$`, "im").exec(yaml)?.[1]?.trim();
  if (!line) return undefined;
  const unquoted = /^(["'])(.*)\1$/.exec(line)?.[2] ?? line;
  return unquoted.trim() || undefined;
}
