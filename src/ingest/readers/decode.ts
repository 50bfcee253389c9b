// Bytes → string for the text-based formats. Danish files arrive as UTF-8 (with or without a
// BOM), as UTF-16 from Word's "Unicode text" and, from older systems, as Windows-1252/Latin-1,
// where æ ø å are single bytes that are invalid UTF-8.

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** The byte-order mark at the start, if any. */
export function bomEncoding(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

// Labels that WHATWG treats as Windows-1252; "iso-8859-1" and "latin1" are among them.
const SINGLE_BYTE_LABELS = new Set([
  "windows-1252",
  "iso-8859-1",
  "latin1",
  "iso-8859-15",
  "cp1252",
  "us-ascii",
]);

/**
 * Decode text. A BOM wins; then a declared single-byte charset (HTML's meta charset); then strict
 * UTF-8; and when the bytes are not valid UTF-8, Windows-1252, which covers Latin-1.
 */
export function decodeText(bytes: Uint8Array, declaredCharset?: string): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom };
  const declared = declaredCharset?.trim().toLowerCase();
  if (declared && SINGLE_BYTE_LABELS.has(declared))
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

// 0x80–0x9F in Windows-1252; the five bytes it leaves undefined stay as their C1 code points.
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/**
 * Windows-1252 by hand: Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1, turning
 * "€", "–" and curly quotes into invisible control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * Whether the bytes look like text rather than binary: no NUL bytes and almost no control
 * characters in the first 64 KB. UTF-16 with a BOM counts as text (its NULs are expected).
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  const bom = bomEncoding(bytes);
  if (bom === "utf-16le" || bom === "utf-16be") return bytes.length % 2 === 0;
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return false;
    // Tab, line feed, vertical tab, form feed and carriage return are ordinary in text.
    if ((b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f) controls++;
  }
  return controls <= sample.length / 100;
}

/** Line breaks as "\n", whatever the source used. */
export function unixNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
