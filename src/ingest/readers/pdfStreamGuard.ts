// Inflation-bomb guard for PDFs. A page's content stream is Flate-compressed and
// may inflate a thousandfold (a 1 MB file to a 1 GB stream); pdf.js decodes it
// into one buffer outside any heap limit. Before pdf.js sees the file, every
// Flate stream that pdf.js would decode for text (all but images, which it
// skips) is inflated here with a ceiling on its output, and the file is refused
// when one stream, or all together, would exceed the limit.
import zlib from "node:zlib";
import type { ReadLimits } from "../limits.ts";
import { readErrors } from "./readError.ts";

const STREAM = Buffer.from("stream");
const END = Buffer.from("endstream");
/** How far before "stream" its dictionary may start. */
const DICT_WINDOW = 4096;

function streamStart(bytes: Buffer, at: number): number | undefined {
  let i = at + STREAM.length;
  if (bytes[i] === 0x0d) i++;
  if (bytes[i] !== 0x0a) return undefined;
  return i + 1;
}

/** The dictionary just before a "stream" keyword, as text (enough to see its filter and subtype). */
function dictionaryBefore(bytes: Buffer, at: number): string {
  const from = Math.max(0, at - DICT_WINDOW);
  const window = bytes.toString("latin1", from, at);
  const open = window.lastIndexOf("obj");
  return open >= 0 ? window.slice(open) : window;
}

export function checkPdfStreams(
  input: Uint8Array,
  limits: Pick<ReadLimits, "pdfMaxStreamBytes" | "pdfMaxInflatedBytes">,
): void {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let total = 0;
  let at = bytes.indexOf(STREAM);
  while (at >= 0) {
    // "endstream" also contains "stream": skip those.
    const isEnd = at >= 3 && bytes.toString("latin1", at - 3, at) === "end";
    const start = isEnd ? undefined : streamStart(bytes, at);
    if (start === undefined) {
      at = bytes.indexOf(STREAM, at + STREAM.length);
      continue;
    }
    const end = bytes.indexOf(END, start);
    if (end < 0) break;
    const dict = dictionaryBefore(bytes, at);
    if (/\/FlateDecode\b/.test(dict) && !/\/Subtype\s*\/Image\b/.test(dict)) {
      const ceiling = Math.min(limits.pdfMaxStreamBytes, limits.pdfMaxInflatedBytes - total);
      try {
        total += zlib.inflateSync(bytes.subarray(start, end), {
          maxOutputLength: ceiling + 1,
          finishFlush: zlib.constants.Z_SYNC_FLUSH,
        }).length;
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
          throw readErrors.pdfInflationBomb(limits.pdfMaxStreamBytes, limits.pdfMaxInflatedBytes);
        // A damaged stream is pdf.js's to judge (it recovers what it can).
      }
      if (total > limits.pdfMaxInflatedBytes)
        throw readErrors.pdfInflationBomb(limits.pdfMaxStreamBytes, limits.pdfMaxInflatedBytes);
    }
    at = bytes.indexOf(STREAM, end + END.length);
  }
}
