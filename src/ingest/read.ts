// The importer's one door for bytes: check the size, detect the format from the bytes, read.
//
// Every reader returns text in one shape, so recognizers see the same structure whatever the
// source: blocks separated by a blank line, headings as "# …" (one "#" per level), list items as
// "- …" or "3. …" (two spaces per nesting level), table rows as tab-separated cells, "\n" line
// breaks. The structured readers (Word, HTML, Markdown, PDF) also return the blocks themselves
// (RawText.blocks) with their spans in that text; plain text comes through as written, for the
// normalizer to find its blocks. PDF text comes page by page with the page boundaries in
// RawText.pages. PDF, DOCX, HTML and Markdown are parsed in a worker thread under the time and
// memory limits; plain text is only decoded, so it stays inline.
import { detectType } from "./detect.ts";
import { type ReadLimits, resolveLimits } from "./limits.ts";
import { readDocx } from "./readers/docx.ts";
import { readHtml } from "./readers/html.ts";
import { readMarkdown } from "./readers/markdown.ts";
import { readPdf } from "./readers/pdf.ts";
import { readErrors } from "./readers/readError.ts";
import { readText } from "./readers/text.ts";
import type { RawText } from "./types.ts";

export { stopIdleReaders, warmUpReaders } from "./readers/isolate.ts";
export { isReadError } from "./readers/readError.ts";

export type ReadOptions = Partial<ReadLimits>;

/** Read an uploaded document. Rejects only with ReadError (see readers/readError.ts for the codes). */
export async function readDocument(bytes: Uint8Array, opts: ReadOptions = {}): Promise<RawText> {
  const limits = resolveLimits(opts);
  if (bytes.length === 0) throw readErrors.emptyFile();
  if (bytes.length > limits.maxBytes) throw readErrors.fileTooLarge(bytes.length, limits.maxBytes);
  const { format } = detectType(bytes);
  switch (format) {
    case "pdf":
      return readPdf(bytes, limits);
    case "docx":
      return readDocx(bytes, limits);
    case "html":
      return readHtml(bytes, limits);
    case "markdown":
      return readMarkdown(bytes, limits);
    case "text":
      return readText(bytes, limits);
  }
}
