// A CSV file read record by record, a chunk at a time, so a package of any size is never
// held whole in memory. Strict UTF-8: a byte that is not UTF-8 stops the reading with
// `NotUtf8`, and the caller locates it (readPackage.ts).
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";

export class NotUtf8 extends Error {}

async function* decoded(file: string): AsyncGenerator<string> {
  // fatal: a bad byte throws; the default ignoreBOM: false drops a leading BOM.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof TypeError) throw new NotUtf8(`${file} is not UTF-8`, { cause: error });
    throw error;
  }
}

/** The file's records (the header first), as csv-parse reads them; throws CsvError or NotUtf8. */
export async function* csvRecords(file: string): AsyncGenerator<string[]> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: true });
  const done = pipeline(Readable.from(decoded(file)), parser);
  // The pipeline's error also ends the iteration below, which throws it.
  done.catch(() => {});
  try {
    for await (const record of parser) yield record as string[];
    await done;
  } finally {
    parser.destroy();
  }
}
