// PDF through pdf.js (the build bundled in unpdf): text runs with their positions and fonts, laid
// out into headings, paragraphs, list items and tables (pdfLayout/). Untrusted PDFs have crashed,
// hung and even run code in pdf.js (CVE-2024-4367), so: no eval, no fonts loaded into a renderer,
// no system access, no image decoded, a page cap, and the whole read in a worker thread that is
// killed at the time and memory limits.
import "./pdfjsNode20.ts";
import { getDocumentProxy } from "unpdf";
import { MEDIA_TYPES } from "../detect.ts";
import type { ReadLimits } from "../limits.ts";
import type { RawText } from "../types.ts";
import { writeBlocks } from "./blockText.ts";
import { runInWorker } from "./isolate.ts";
import type { PageText, TextRun } from "./pdfLayout/geometry.ts";
import { layoutDocument } from "./pdfLayout/layout.ts";
import { pageSpans } from "./pdfLayout/pageSpans.ts";
import { checkPdfStreams } from "./pdfStreamGuard.ts";
import { isReadError, readErrors } from "./readError.ts";

/** Read a PDF in a worker thread, under the time and memory limits. */
export function readPdf(bytes: Uint8Array, limits: ReadLimits): Promise<RawText> {
  return runInWorker("pdf", bytes, limits);
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

/** The parts of pdf.js's TextItem the layout needs. */
interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** Read a PDF in this thread. Call through `readPdf` unless already isolated. */
export async function readPdfInProcess(bytes: Uint8Array, limits: ReadLimits): Promise<RawText> {
  checkPdfStreams(bytes, limits);
  let doc: PdfDocument;
  try {
    // pdf.js may detach the buffer it is given: give it a copy (a Buffer's .slice() would be a view).
    doc = await getDocumentProxy(new Uint8Array(bytes), {
      isEvalSupported: false,
      // Text needs no image: with a limit of 0 pixels pdf.js skips every image instead of decoding it.
      maxImageSize: 0,
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
    const fonts = new FontWeights();
    const pages: (PageText & { loose: string[] })[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await readPage(doc, n, fonts);
      for (const run of page.runs) chars += run.text.length;
      for (const text of page.loose) chars += text.length;
      if (chars > limits.maxTextChars) throw readErrors.textTooLarge(limits.maxTextChars);
      pages.push(page);
    }
    const laid = layoutDocument(pages);
    const { text, blocks } = writeBlocks(
      laid.map((l) => l.draft),
      limits.maxTextChars,
    );
    // Scanned pages often carry nothing but a page number; a few characters a page is "no text".
    if (text.replace(/\s+/g, "").length < 3 * doc.numPages) throw readErrors.pdfNoText();
    const raw: RawText = {
      mediaType: MEDIA_TYPES.pdf,
      text,
      pages: pageSpans(laid, blocks, doc.numPages),
      blocks,
    };
    if (metadataTitle) raw.metadataTitle = metadataTitle;
    return raw;
  } catch (error) {
    if (isReadError(error)) throw error;
    throw readErrors.pdfCorrupt(error);
  } finally {
    await doc.destroy().catch(() => {});
  }
}

/**
 * Whether each font is bold, from its name ("Arial-BoldMT", "Calibri-Semibold", "Helvetica-Black").
 * pdf.js names a page's fonts only once it has built the page's operator list, so that is built for
 * a page that uses a font not seen before; documents reuse a few fonts, so this is a few pages.
 */
class FontWeights {
  private readonly bold = new Map<string, boolean>();

  async learn(page: PdfPage, fontNames: Iterable<string>): Promise<void> {
    const unseen = [...new Set(fontNames)].filter((name) => !this.bold.has(name));
    if (unseen.length === 0) return;
    await page.getOperatorList().catch(() => undefined);
    for (const name of unseen) this.bold.set(name, isBoldFont(fontObject(page, name)));
  }

  isBold(name: string): boolean {
    return this.bold.get(name) ?? false;
  }
}

function fontObject(
  page: PdfPage,
  name: string,
): { name?: unknown; bold?: unknown; black?: unknown } | undefined {
  try {
    return page.commonObjs.has(name) ? page.commonObjs.get(name) : undefined;
  } catch {
    return undefined;
  }
}

export function isBoldFont(font: { name?: unknown; bold?: unknown; black?: unknown } | undefined): boolean {
  if (!font) return false;
  if (font.bold === true || font.black === true) return true;
  return typeof font.name === "string" && /bold|black|heavy|semibold|demi/i.test(font.name);
}

async function readPage(
  doc: PdfDocument,
  n: number,
  fonts: FontWeights,
): Promise<PageText & { loose: string[] }> {
  const page = await doc.getPage(n);
  try {
    const content = await page.getTextContent();
    const items = content.items.filter(
      (item): item is TextItemLike & (typeof content.items)[number] =>
        "str" in item && item.str.trim() !== "",
    );
    await fonts.learn(
      page,
      items.map((i) => i.fontName),
    );
    const viewport = page.getViewport({ scale: 1 });
    const runs: TextRun[] = [];
    const loose: string[] = [];
    for (const item of items) {
      const run = toRun(item, viewport.transform, fonts.isBold(item.fontName));
      if (run) runs.push(run);
      else loose.push(item.str);
    }
    return { page: n, width: viewport.width, height: viewport.height, runs, loose };
  } finally {
    page.cleanup();
  }
}

/** An item in page coordinates (top-left origin, page rotation applied); undefined when not horizontal. */
export function toRun(item: TextItemLike, view: number[], bold: boolean): TextRun | undefined {
  const [va = 1, vb = 0, vc = 0, vd = -1, ve = 0, vf = 0] = view;
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  // The item's text matrix composed with the viewport's (which flips y and applies /Rotate).
  const ma = va * a + vc * b;
  const mb = vb * a + vd * b;
  const mc = va * c + vc * d;
  const md = vb * c + vd * d;
  const x = va * e + vc * f + ve;
  const y = vb * e + vd * f + vf;
  const size = Math.hypot(mc, md);
  if (!(ma > 0) || Math.abs(mb) > 0.05 * ma || Math.abs(mc) > 0.05 * Math.abs(md) || !(size > 0))
    return undefined;
  // pdf.js gives the width in the text's own scale for rotated pages; the run's x-scale turns it into page units.
  const scale = Math.hypot(ma, mb) / Math.hypot(a, b) || 1;
  return { text: item.str, x, baseline: y, width: item.width * scale, size, bold };
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
