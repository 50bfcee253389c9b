// Which reader gets an upload, decided from the bytes alone. A file name or a browser's
// Content-Type is a claim by the sender; the magic numbers are what the parser will meet.
import { bomEncoding, decodeText, looksLikeText } from "./readers/decode.ts";
import { readErrors } from "./readers/readError.ts";

export type DocumentFormat = "pdf" | "docx" | "html" | "markdown" | "text";

export const MEDIA_TYPES: Readonly<Record<DocumentFormat, string>> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html",
  markdown: "text/markdown",
  text: "text/plain",
};

export interface DetectedType {
  format: DocumentFormat;
  mediaType: string;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, prefix: ArrayLike<number>, at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

function contains(bytes: Uint8Array, needle: string, within = bytes.length): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(within, bytes.length)).includes(
    needle,
    0,
    "latin1",
  );
}

const PDF = "%PDF-";
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const IMAGES: ArrayLike<number>[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  ascii("GIF8"),
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];

/** Detect the format, or throw a ReadError that says what the file is when we can tell. */
export function detectType(bytes: Uint8Array): DetectedType {
  if (bytes.length === 0) throw readErrors.emptyFile();
  const found = (format: DocumentFormat): DetectedType => ({ format, mediaType: MEDIA_TYPES[format] });

  // PDF readers accept a header anywhere in the first KB (some generators prepend junk).
  if (contains(bytes, PDF, 1024)) return found("pdf");

  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return found(zipFormat(bytes));
  if (startsWith(bytes, OLE)) {
    throw readErrors.unsupportedType(
      "This is an older Office file (.doc, .xls) or a password-protected Word file; save it as .docx without a password, or as PDF.",
    );
  }
  if (IMAGES.some((magic) => startsWith(bytes, magic))) {
    throw readErrors.unsupportedType("This is an image; reading text from images (OCR) is not supported.");
  }
  if (startsWith(bytes, ascii("{\\rtf"))) {
    throw readErrors.unsupportedType("This is an RTF file; save it as .docx or PDF.");
  }
  if (!looksLikeText(bytes)) throw readErrors.unsupportedType();

  const bom = bomEncoding(bytes);
  // Enough to sniff: a UTF-16 prefix must keep whole code units.
  const head = decodeText(bytes.subarray(0, bom?.startsWith("utf-16") ? 8192 : 64 * 1024)).text;
  if (looksLikeHtml(head)) return found("html");
  if (looksLikeMarkdown(head)) return found("markdown");
  return found("text");
}

/** The one kind of ZIP we read is a Word document; name the others so the user knows what to do. */
function zipFormat(bytes: Uint8Array): DocumentFormat {
  // Entry names are stored uncompressed, so a byte search finds them; the DOCX reader then
  // parses the central directory properly, inside its worker and limits.
  if (contains(bytes, "word/document.xml")) return "docx";
  if (contains(bytes, "mimetypeapplication/vnd.oasis.opendocument", 256)) {
    throw readErrors.unsupportedType("This is an OpenDocument file (.odt, .ods); save it as .docx or PDF.");
  }
  if (contains(bytes, "xl/workbook.xml")) {
    throw readErrors.unsupportedType(
      "This is an Excel workbook; spreadsheets are not imported as documents.",
    );
  }
  if (contains(bytes, "ppt/presentation.xml")) {
    throw readErrors.unsupportedType("This is a PowerPoint presentation; save it as PDF.");
  }
  throw readErrors.unsupportedType("This is a ZIP archive, not a Word document (.docx).");
}

// After optional XML declaration, comments and whitespace, an HTML document starts with one of
// these (the WHATWG sniffing list, without the inline tags a Markdown file may start with).
const HTML_START =
  /^<(!doctype\s+html|html|head|body|title|meta|script|style|iframe|h[1-6]|div|table|p|ul|ol|section|article|main|header|nav)[\s/>]/i;

export function looksLikeHtml(head: string): boolean {
  let s = head.trimStart();
  for (;;) {
    const [open, close] = s.startsWith("<?xml")
      ? ["<?xml", "?>"]
      : s.startsWith("<!--")
        ? ["<!--", "-->"]
        : [];
    if (!open || !close) break;
    const end = s.indexOf(close, open.length);
    if (end < 0) return false;
    s = s.slice(end + close.length).trimStart();
  }
  if (!HTML_START.test(s)) return false;
  // A whole document, or a fragment with at least one closing tag: not a stray "<p " in prose.
  return /^<(!doctype|html|head|body)/i.test(s) || s.includes("</");
}

/** Score Markdown's distinctive marks; plain text rarely has ATX headings, fences or links. */
export function looksLikeMarkdown(head: string): boolean {
  const count = (re: RegExp, cap: number) => Math.min(head.match(re)?.length ?? 0, cap);
  const score =
    3 * count(/^#{1,6}[ \t]+\S/gm, 3) +
    3 * count(/^(```|~~~)/gm, 1) +
    3 * count(/^---\r?\n(?:[\w-]+:.*\r?\n)+---\r?\n/g, 1) +
    count(/!?\[[^\]\n]+\]\([^)\s]+\)/g, 3) +
    count(/\*\*[^*\n]+\*\*/g, 3) +
    count(/^\S[^\n]*\r?\n(?:=+|-+)[ \t]*\r?$/gm, 2);
  return score >= 3;
}
