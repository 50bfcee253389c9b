import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { combinedCrc, DeflatingWriter, deflatedOf, FINAL_BLOCK, inflated, joined } from "./deflatedText.ts";

const text = (seed: number, length: number) =>
  Buffer.from(
    Array.from({ length }, (_, i) => String.fromCharCode(32 + ((i * seed + (i >> 7)) % 90))).join(""),
  );

describe("deflated pieces", () => {
  it("combine CRC-32s as zlib computes the joined text's", () => {
    for (const [a, b] of [
      [0, 0],
      [5, 0],
      [0, 7],
      [1000, 1],
      [3, 200_000],
    ] as const) {
      const first = text(3, a);
      const second = text(7, b);
      expect(combinedCrc(zlib.crc32(first), zlib.crc32(second), second.length)).toBe(
        zlib.crc32(Buffer.concat([first, second])),
      );
    }
  });

  it("join into one DEFLATE stream of the texts one after another", () => {
    const parts = [text(3, 150_000), Buffer.alloc(0), text(11, 10), text(5, 70_000)];
    const pieces = parts.map((part) => {
      const writer = new DeflatingWriter();
      // In uneven pushes, so pieces have several chunks.
      for (let i = 0; i < part.length; i += 9_000) writer.push(part.subarray(i, i + 9_000));
      return writer.finish();
    });
    const all = joined([deflatedOf("head\n"), ...pieces]);
    const expected = Buffer.concat([Buffer.from("head\n"), ...parts]);
    const stream = Buffer.concat([...all.chunks, FINAL_BLOCK]);
    expect(zlib.inflateRawSync(stream).equals(expected)).toBe(true);
    expect(all.size).toBe(expected.length);
    expect(all.crc).toBe(zlib.crc32(expected));
    expect(Buffer.concat([...inflated(all)]).equals(expected)).toBe(true);
  });

  it("compress a text to the same pieces however it was pushed", () => {
    const whole = text(13, 200_000);
    const pushedIn = (sizes: number[]) => {
      const writer = new DeflatingWriter();
      for (let at = 0, i = 0; at < whole.length; i++) {
        const size = sizes[i % sizes.length]!;
        writer.push(whole.subarray(at, at + size));
        at += size;
      }
      return writer.finish();
    };
    const once = pushedIn([whole.length]);
    expect(once.chunks.length).toBeGreaterThan(2);
    for (const sizes of [[1_000], [9_000, 70_000], [65_535, 1, 3]]) {
      const again = pushedIn(sizes);
      expect(Buffer.concat(again.chunks).equals(Buffer.concat(once.chunks))).toBe(true);
      expect(again.chunks.map((c) => c.length)).toEqual(once.chunks.map((c) => c.length));
      expect([again.crc, again.size]).toEqual([once.crc, once.size]);
    }
  });
});
