// Markdown is already the shape the other readers produce (headings as "#", list items as "- "),
// so the text is kept as written; only YAML front matter is lifted out as metadata.
import { MEDIA_TYPES } from "../detect.ts";
import type { ReadLimits } from "../limits.ts";
import type { RawText } from "../types.ts";
import { decodeText, unixNewlines } from "./decode.ts";
import { checkTextLength } from "./text.ts";

const FRONT_MATTER = /^---\n((?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|$)/;

export function readMarkdown(bytes: Uint8Array, limits: Pick<ReadLimits, "maxTextChars">): RawText {
  let text = unixNewlines(decodeText(bytes).text);
  checkTextLength(text, limits.maxTextChars);
  let metadataTitle: string | undefined;
  const front = FRONT_MATTER.exec(text);
  if (front && /^[\w-]+:/m.test(front[1] ?? "")) {
    metadataTitle = frontMatterTitle(front[1] ?? "");
    text = text.slice(front[0].length).replace(/^\n+/, "");
  }
  return metadataTitle
    ? { mediaType: MEDIA_TYPES.markdown, text, metadataTitle }
    : { mediaType: MEDIA_TYPES.markdown, text };
}

/** `title: …` from YAML front matter, unquoted; enough YAML for a title, no parser needed. */
function frontMatterTitle(yaml: string): string | undefined {
  const line = /^title:[ \t]*(.+)$/im.exec(yaml)?.[1]?.trim();
  if (!line) return undefined;
  const unquoted = /^(["'])(.*)\1$/.exec(line)?.[2] ?? line;
  return unquoted.trim() || undefined;
}
