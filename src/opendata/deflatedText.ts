// Text kept compressed in pieces that join without compressing again: each piece is raw
// DEFLATE ending in a sync flush (no final block), so pieces one after another, closed by
// an empty final block, are one DEFLATE stream of the texts one after another, as a zip
// entry holds it; the CRC-32 of the joined text is combined from the pieces' own (zlib's
// crc32_combine). This is what lets the national package keep each organisation's part
// compressed and build the zip after one organisation's write from the parts it kept.
import zlib from "node:zlib";

export interface DeflatedText {
  /** Raw DEFLATE, each chunk ending in a sync flush. */
  chunks: Buffer[];
  /** CRC-32 of the text. */
  crc: number;
  /** The text's length in bytes. */
  size: number;
}

/** An empty final block (fixed Huffman codes, end of block): closes a stream of pieces. */
export const FINAL_BLOCK = Uint8Array.of(0x03, 0x00);

// Text is compressed this many bytes at a time: large enough that each chunk's own
// dictionary costs little, small enough that the pieces being written at once stay small.
const CHUNK = 64 * 1024;

/** `text` compressed, in a buffer of its own size (zlib's may sit in a larger one, kept as long as it is). */
function deflated(text: Buffer): Buffer {
  const out = zlib.deflateRawSync(text, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return out.length < out.buffer.byteLength ? Buffer.from(out) : out;
}

/**
 * Collects text and compresses it a chunk at a time: every chunk but the last is exactly
 * CHUNK bytes of the text, so the compressed pieces depend on the text alone, not on how it
 * was pushed (a COPY's chunks fall differently from one read to the next), and a package
 * compressed twice is the same bytes. What is pushed is kept until compressed, not copied.
 */
export class DeflatingWriter {
  private pending: Buffer[] = [];
  private pendingSize = 0;
  private readonly text: DeflatedText = { chunks: [], crc: 0, size: 0 };

  push(bytes: Buffer): void {
    if (!bytes.length) return;
    this.pending.push(bytes);
    this.pendingSize += bytes.length;
    if (this.pendingSize >= CHUNK) this.compress(false);
  }

  finish(): DeflatedText {
    this.compress(true);
    return this.text;
  }

  /** Compresses the pending text in whole chunks, and with `all` the rest too. */
  private compress(all: boolean): void {
    if (!this.pendingSize) return;
    const bytes =
      this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingSize);
    let at = 0;
    for (; bytes.length - at >= CHUNK || (all && at < bytes.length); at += CHUNK) {
      const chunk = bytes.subarray(at, at + CHUNK);
      this.text.chunks.push(deflated(chunk));
      this.text.crc = zlib.crc32(chunk, this.text.crc);
      this.text.size += chunk.length;
    }
    const rest = bytes.subarray(Math.min(at, bytes.length));
    this.pending = rest.length ? [rest] : [];
    this.pendingSize = rest.length;
  }
}

/** `text` as one piece. */
export function deflatedOf(text: string | Buffer): DeflatedText {
  const writer = new DeflatingWriter();
  writer.push(typeof text === "string" ? Buffer.from(text) : text);
  return writer.finish();
}

/** The text of the piece again, a chunk at a time. */
export function* inflated(text: DeflatedText): Generator<Buffer> {
  for (const chunk of text.chunks)
    yield zlib.inflateRawSync(chunk, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

const POLY = 0xedb88320;

/** a × b modulo the CRC-32 polynomial (bit-reversed, as zlib's multmodp). */
function multiplied(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, for k = 0…31. */
const powers = (() => {
  const table = [0x40000000];
  for (let k = 1; k < 32; k++) table.push(multiplied(table[k - 1]!, table[k - 1]!));
  return table;
})();

/** The CRC-32 of two texts one after the other, from each one's CRC and the second's length. */
export function combinedCrc(first: number, second: number, secondLength: number): number {
  // x^(8 × secondLength): the first text's CRC shifted past the second's bytes.
  let shift = 0x80000000;
  for (let n = secondLength, k = 3; n > 0; n = Math.floor(n / 2), k++)
    if (n % 2) shift = multiplied(powers[k % 32]!, shift);
  return (multiplied(shift, first) ^ second) >>> 0;
}

/** The pieces one after another, as one. */
export function joined(pieces: DeflatedText[]): DeflatedText {
  const all: DeflatedText = { chunks: [], crc: 0, size: 0 };
  for (const piece of pieces) {
    all.chunks.push(...piece.chunks);
    all.crc = combinedCrc(all.crc, piece.crc, piece.size);
    all.size += piece.size;
  }
  return all;
}
