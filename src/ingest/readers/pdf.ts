// PDF through pdf.js (the build bundled in unpdf). Untrusted PDFs have crashed, hung and even run
// code in pdf.js (CVE-2024-4367), so: no eval, no fonts loaded, no system access, a page cap, an
// image-size cap, and the whole read in a worker thread that is killed at the time limit.
import { getDocumentProxy } from "unpdf";
import { MEDIA_TYPES } from "../detect.ts";
import type { ReadLimits } from "../limits.ts";
import type { RawText } from "../types.ts";
import { runInWorker } from "./isolate.ts";
import { isReadError, readErrors } from "./readError.ts";

/** Between pages in RawText.text; RawText.pages holds the exact boundaries. */
export const PAGE_SEPARATOR = "\n\n";

/** Read a PDF in a worker thread, under the time and memory limits. */
export function readPdf(bytes: Uint8Array, limits: ReadLimits): Promise<RawText> {
  return runInWorker("pdf", bytes, limits);
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** The parts of pdf.js's TextItem the text layout needs. */
interface TextItemLike {
  str: string;
  transform: number[];
  height: number;
  hasEOL: boolean;
}

/** Read a PDF in this thread. Call through `readPdf` unless already isolated. */
export async function readPdfInProcess(bytes: Uint8Array, limits: ReadLimits): Promise<RawText> {
  let doc: PdfDocument;
  try {
    // pdf.js may detach the buffer it is given: give it a copy (a Buffer's .slice() would be a view).
    doc = await getDocumentProxy(new Uint8Array(bytes), {
      isEvalSupported: false,
      maxImageSize: limits.pdfMaxImagePixels,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      useWasm: false,
      enableXfa: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    });
  } catch (error) {
    throw (error as { name?: string })?.name === "PasswordException"
      ? readErrors.pdfEncrypted()
      : readErrors.pdfCorrupt(error);
  }
  try {
    if (doc.numPages > limits.pdfMaxPages) throw readErrors.pdfTooManyPages(doc.numPages, limits.pdfMaxPages);
    const metadataTitle = await documentTitle(doc);
    const pages: NonNullable<RawText["pages"]> = [];
    let text = "";
    for (let n = 1; n <= doc.numPages; n++) {
      const pageText = await readPage(doc, n);
      if (n > 1) text += PAGE_SEPARATOR;
      const start = text.length;
      text += pageText;
      if (text.length > limits.maxTextChars) throw readErrors.textTooLarge(limits.maxTextChars);
      pages.push({ page: n, start, end: text.length });
    }
    // Scanned pages often carry nothing but a page number; a few characters a page is "no text".
    if (text.replace(/\s+/g, "").length < 3 * doc.numPages) throw readErrors.pdfNoText();
    const raw: RawText = { mediaType: MEDIA_TYPES.pdf, text, pages };
    if (metadataTitle) raw.metadataTitle = metadataTitle;
    return raw;
  } catch (error) {
    if (isReadError(error)) throw error;
    throw readErrors.pdfCorrupt(error);
  } finally {
    await doc.destroy().catch(() => {});
  }
}

async function readPage(doc: PdfDocument, n: number): Promise<string> {
  const page = await doc.getPage(n);
  try {
    const content = await page.getTextContent();
    return layoutText(
      content.items.filter((item): item is TextItemLike & (typeof content.items)[number] => "str" in item),
    );
  } finally {
    page.cleanup();
  }
}

/** Items in content order; a line break where pdf.js marks one or where the baseline moves. */
export function layoutText(items: TextItemLike[]): string {
  let out = "";
  let lastY: number | undefined;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const moved = lastY !== undefined && Math.abs(y - lastY) > Math.max(1, item.height / 2);
    if (moved && out.length > 0 && !out.endsWith("\n")) out += "\n";
    out += item.str;
    if (item.hasEOL) out += "\n";
    lastY = y;
  }
  return out.replace(/[ \t]+\n/g, "\n").trim();
}

async function documentTitle(doc: PdfDocument): Promise<string | undefined> {
  try {
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    return typeof title === "string" && title.trim() ? title.replace(/\s+/g, " ").trim() : undefined;
  } catch {
    return undefined; // a broken Info dictionary must not block the text
  }
}
