// A CSV file read record by record, a chunk at a time, so a package of any size is never
// held whole in memory. Strict UTF-8: a byte that is not UTF-8 stops the reading with
// `NotUtf8`, and the caller locates it (readPackage.ts). csv-parse gets the bytes as
// read, checked (not decoded) first: given text, it would encode it back to bytes before
// parsing, and then decode each field again.
import { isUtf8 } from "node:buffer";
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";

export class NotUtf8 extends Error {}

/** How much of `bytes` is whole characters: a sequence cut off at the end waits for the next chunk. */
function wholeLength(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte < 0xc0 ? 1 : byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : 4;
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

async function* checked(file: string): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = rest.length ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    const whole = bytes.subarray(0, wholeLength(bytes));
    if (!isUtf8(whole)) throw new NotUtf8(`${file} is not UTF-8`);
    rest = bytes.subarray(whole.length);
    if (whole.length) yield whole;
  }
  // A sequence still open at the end of the file is cut off.
  if (rest.length) throw new NotUtf8(`${file} is not UTF-8`);
}

/** The file's records (the header first), as csv-parse reads them; throws CsvError or NotUtf8. */
export async function* csvRecords(file: string): AsyncGenerator<string[]> {
  // bom: a leading byte order mark is dropped, as UTF-8 decoding does.
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, bom: true });
  const done = pipeline(Readable.from(checked(file)), parser);
  // The pipeline's error also ends the iteration below, which throws it.
  done.catch(() => {});
  try {
    for await (const record of parser) yield record as string[];
    await done;
  } finally {
    parser.destroy();
  }
}
