// One entry per format, for code that is already isolated (the worker) or reads trusted bytes.
// Readers load lazily: a worker reading HTML need not load pdf.js or mammoth.
import type { DocumentFormat } from "../detect.ts";
import type { ReadLimits } from "../limits.ts";
import type { RawText } from "../types.ts";

export async function readInProcess(
  format: DocumentFormat,
  bytes: Uint8Array,
  limits: ReadLimits,
): Promise<RawText> {
  switch (format) {
    case "pdf":
      return (await import("./pdf.ts")).readPdfInProcess(bytes, limits);
    case "docx":
      return (await import("./docx.ts")).readDocxInProcess(bytes, limits);
    case "html":
      return (await import("./html.ts")).readHtmlInProcess(bytes, limits);
    case "markdown":
      return (await import("./markdown.ts")).readMarkdownInProcess(bytes, limits);
    case "text":
      return (await import("./text.ts")).readText(bytes, limits);
  }
}
