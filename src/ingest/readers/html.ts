// HTML pages (a policy saved from the municipality's website, a CMS export): decode with the
// declared charset when there is one, parse with a real HTML parser, read the blocks from the DOM.
import { MEDIA_TYPES } from "../detect.ts";
import type { ReadLimits } from "../limits.ts";
import type { RawText } from "../types.ts";
import { decodeText } from "./decode.ts";
import { htmlToBlocks } from "./htmlBlocks.ts";
import { runInWorker } from "./isolate.ts";
import { readErrors } from "./readError.ts";

/** Read HTML in a worker thread, under the time and memory limits. */
export function readHtml(bytes: Uint8Array, limits: ReadLimits): Promise<RawText> {
  return runInWorker("html", bytes, limits);
}

/** Read HTML in this thread. Call through `readHtml` unless already isolated. */
export function readHtmlInProcess(
  bytes: Uint8Array,
  limits: Pick<ReadLimits, "maxTextChars" | "htmlMaxReferences" | "htmlMaxTags">,
): RawText {
  const html = decodeText(bytes, declaredCharset(bytes)).text;
  checkHtmlSize(html, limits);
  const { text, blocks, title } = htmlToBlocks(html, limits.maxTextChars);
  return title
    ? { mediaType: MEDIA_TYPES.html, text, blocks, metadataTitle: title }
    : { mediaType: MEDIA_TYPES.html, text, blocks };
}

/** Counted before parsing: millions of entities or tags cost the parser far more than their bytes. */
export function checkHtmlSize(
  html: string,
  limits: Pick<ReadLimits, "htmlMaxReferences" | "htmlMaxTags">,
): void {
  const count = (pattern: RegExp, limit: number) => {
    let n = 0;
    pattern.lastIndex = 0;
    while (pattern.exec(html) && ++n <= limit);
    return n;
  };
  const references = count(/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);?/gi, limits.htmlMaxReferences);
  if (references > limits.htmlMaxReferences)
    throw readErrors.htmlTooComplex("character references", limits.htmlMaxReferences);
  const tags = count(/<[a-z!/?]/gi, limits.htmlMaxTags);
  if (tags > limits.htmlMaxTags) throw readErrors.htmlTooComplex("tags", limits.htmlMaxTags);
}

/** `<meta charset=…>` or the http-equiv form, from the first KB as the HTML standard prescribes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}
