// Word (.docx): unpack under zip-bomb limits, hand mammoth a rebuilt archive that holds only the
// XML parts (images, fonts and embedded objects become empty placeholders: text needs none of
// them), and read the blocks from mammoth's document tree (docxBlocks.ts). A PDF converted to
// Word line by line has no structure to read: its text goes to the normalizer as lines.
import { zipSync } from "fflate";
import mammoth from "mammoth";
import { MEDIA_TYPES } from "../detect.ts";
import type { ReadLimits } from "../limits.ts";
import type { RawText } from "../types.ts";
import { writeBlocks } from "./blockText.ts";
import { type MammothElement, readDocxTree } from "./docxBlocks.ts";
import { readDocxStyles } from "./docxStyles.ts";
import { runInWorker } from "./isolate.ts";
import { isReadError, readErrors } from "./readError.ts";
import { checkTextLength } from "./text.ts";
import { unzipBounded } from "./zipGuard.ts";

/** Read a DOCX in a worker thread, under the time and memory limits. */
export function readDocx(bytes: Uint8Array, limits: ReadLimits): Promise<RawText> {
  return runInWorker("docx", bytes, limits);
}

/** Read a DOCX in this thread. Call through `readDocx` unless already isolated. */
export async function readDocxInProcess(bytes: Uint8Array, limits: ReadLimits): Promise<RawText> {
  const files = await unzipBounded(bytes, limits, (name) => /\.(xml|rels)$/i.test(name));
  if (!files.get("word/document.xml")?.length) throw readErrors.docxCorrupt();
  const metadataTitle = coreTitle(files.get("docProps/core.xml"));

  let tree: MammothElement | undefined;
  try {
    const archive = zipSync(Object.fromEntries(files), { level: 0 });
    await mammoth.convertToHtml(
      { buffer: Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength) },
      {
        externalFileAccess: false,
        // Never read the (emptied) image parts.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
        // The tree is what is read; mammoth is left nothing to write out.
        transformDocument: (document: MammothElement) => {
          tree = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    if (isReadError(error)) throw error;
    throw readErrors.docxCorrupt(error);
  }
  if (!tree) throw readErrors.docxCorrupt();
  const reading = readDocxTree(tree, readDocxStyles(files.get("word/styles.xml")));
  const raw: RawText = { mediaType: MEDIA_TYPES.docx, text: "" };
  if (paragraphLayout(tree).linePerParagraph) {
    raw.text = reading.lines;
    checkTextLength(raw.text, limits.maxTextChars);
  } else {
    const written = writeBlocks(reading.drafts, limits.maxTextChars);
    raw.text = written.text;
    raw.blocks = written.blocks;
  }
  if (metadataTitle) raw.metadataTitle = metadataTitle;
  return raw;
}

interface ParagraphLayout {
  /** Each paragraph is one printed line (a PDF converted to Word line by line). */
  linePerParagraph: boolean;
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
  return { linePerParagraph: filled >= 20 && continued / filled >= 0.15 };
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
