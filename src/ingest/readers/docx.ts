// Word (.docx): unpack under zip-bomb limits, hand mammoth a rebuilt archive that holds only the
// XML parts (images, fonts and embedded objects become empty placeholders: text needs none of
// them), convert to HTML and then to the common text shape, headings and list items intact.
import { zipSync } from "fflate";
import mammoth from "mammoth";
import { MEDIA_TYPES } from "../detect.ts";
import type { ReadLimits } from "../limits.ts";
import type { RawText } from "../types.ts";
import { htmlToText } from "./htmlText.ts";
import { runInWorker } from "./isolate.ts";
import { isReadError, readErrors } from "./readError.ts";
import { checkTextLength } from "./text.ts";
import { unzipBounded } from "./zipGuard.ts";

// Word writes built-in style names in English whatever the UI language, and mammoth's default
// map covers "Heading 1"–"6"; these add the title styles and Danish names of custom copies.
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='Overskrift ${n}'] => h${n}:fresh`),
];

/** Read a DOCX in a worker thread, under the time and memory limits. */
export function readDocx(bytes: Uint8Array, limits: ReadLimits): Promise<RawText> {
  return runInWorker("docx", bytes, limits);
}

/** Read a DOCX in this thread. Call through `readDocx` unless already isolated. */
export async function readDocxInProcess(bytes: Uint8Array, limits: ReadLimits): Promise<RawText> {
  const files = await unzipBounded(bytes, limits, (name) => /\.(xml|rels)$/i.test(name));
  if (!files.get("word/document.xml")?.length) throw readErrors.docxCorrupt();
  const metadataTitle = coreTitle(files.get("docProps/core.xml"));

  let html: string;
  let orderedNumbers: number[] = [];
  let layout: ParagraphLayout = { linePerParagraph: false, emptyParagraphs: false };
  try {
    const archive = zipSync(Object.fromEntries(files), { level: 0 });
    const convert = (keepEmpty: boolean) =>
      mammoth.convertToHtml(
        { buffer: Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength) },
        {
          styleMap: STYLE_MAP,
          externalFileAccess: false,
          ignoreEmptyParagraphs: !keepEmpty,
          // Never read the (emptied) image parts; the text walk ignores <img> anyway.
          convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
          transformDocument: (document: MammothElement) => {
            orderedNumbers = numberOrderedParagraphs(document);
            layout = paragraphLayout(document);
            return document;
          },
        },
      );
    html = (await convert(false)).value;
    // A line-per-paragraph conversion marks paragraph and cell breaks only by empty paragraphs,
    // which mammoth drops by default: convert again keeping them.
    if (layout.linePerParagraph && layout.emptyParagraphs) html = (await convert(true)).value;
  } catch (error) {
    if (isReadError(error)) throw error;
    throw readErrors.docxCorrupt(error);
  }
  const { text } = htmlToText(`<!doctype html><html><body>${html}</body></html>`, {
    maxChars: limits.maxTextChars,
    orderedNumbers,
    paragraphsAreLines: layout.linePerParagraph,
  });
  checkTextLength(text, limits.maxTextChars);
  return metadataTitle
    ? { mediaType: MEDIA_TYPES.docx, text, metadataTitle }
    : { mediaType: MEDIA_TYPES.docx, text };
}

/** mammoth's document tree, as much of it as numbering and layout need. */
interface MammothElement {
  type?: string;
  value?: string;
  children?: MammothElement[];
  numbering?: { isOrdered: boolean; level: string } | null;
}

interface ParagraphLayout {
  /** Each paragraph is one printed line (a PDF converted to Word line by line). */
  linePerParagraph: boolean;
  emptyParagraphs: boolean;
}

function plainText(element: MammothElement): string {
  const parts: string[] = [];
  const stack: MammothElement[] = [element];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.type === "text" && e.value) parts.push(e.value);
    const children = e.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts.join("");
}

/**
 * Whether the body's paragraphs are lines: in a written document a paragraph hardly ever goes on
 * in the next one mid-sentence, while in a line-by-line conversion many do (the next starts in
 * lower case, or this one ends in a hyphenated word).
 */
export function paragraphLayout(document: MammothElement): ParagraphLayout {
  const texts = (document.children ?? [])
    .filter((e) => e.type === "paragraph")
    .map((p) => plainText(p).trim());
  const filled = texts.filter((t) => t !== "").length;
  let continued = 0;
  for (let i = 0; i + 1 < texts.length; i++) {
    const a = texts[i]!;
    const b = texts[i + 1]!;
    if (a && b && (/^\p{Ll}/u.test(b) || /\p{L}-$/u.test(a))) continued++;
  }
  return {
    linePerParagraph: filled >= 20 && continued / filled >= 0.15,
    emptyParagraphs: texts.length > filled,
  };
}

/**
 * The number Word shows before each ordered-list paragraph, in document order. mammoth shares
 * one numbering object per list level, so it keys the counters; an item at a shallower level
 * restarts the deeper ones. Start values other than 1 and restarts via overrides are not read.
 */
export function numberOrderedParagraphs(document: MammothElement): number[] {
  const numbers: number[] = [];
  const counters = new Map<object, { level: number; count: number }>();
  const stack: MammothElement[] = [document];
  while (stack.length > 0) {
    const element = stack.pop()!;
    const numbering = element.type === "paragraph" ? element.numbering : undefined;
    if (numbering) {
      const level = Number(numbering.level) || 0;
      for (const [key, counter] of counters) if (counter.level > level) counters.delete(key);
      if (numbering.isOrdered) {
        const counter = counters.get(numbering) ?? { level, count: 0 };
        counter.count++;
        counters.set(numbering, counter);
        numbers.push(counter.count);
      }
    }
    // Children pushed in reverse so they are visited in document order.
    const children = element.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return numbers;
}

/** dc:title from docProps/core.xml: one element in a small, flat XML part. */
function coreTitle(core: Uint8Array | undefined): string | undefined {
  if (!core?.length) return undefined;
  const xml = new TextDecoder().decode(core.subarray(0, 64 * 1024));
  const raw = /<dc:title>([^<]*)<\/dc:title>/.exec(xml)?.[1];
  const title = raw ? unescapeXml(raw).replace(/\s+/g, " ").trim() : "";
  return title || undefined;
}

function unescapeXml(s: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, ref: string) => {
    if (ref[0] !== "#") return named[ref] ?? m;
    const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}
