// A zip of entries already compressed (deflatedText.ts), written a piece at a time: fflate's
// streaming Zip writes the headers, data descriptors and central directory around the
// DEFLATE data it is handed, so the zip is never held whole, and nothing is compressed again.
import { Zip, type ZipInputFile } from "fflate";
import { type DeflatedText, FINAL_BLOCK } from "./deflatedText.ts";

export interface ZipEntry {
  name: string;
  content: DeflatedText;
}

/** The zip's bytes, entry by entry, each dated `mtime`. */
export function* zipStream(entries: Iterable<ZipEntry>, mtime: Date): Generator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else out.push(data);
  });
  function* written() {
    if (failure) throw failure;
    yield* out.splice(0);
  }
  for (const { name, content } of entries) {
    // DEFLATE (method 8); Zip sets `ondata` when the file is added, and writes crc and size
    // into the entry's data descriptor when its last data comes.
    const file: ZipInputFile = {
      filename: name,
      size: content.size,
      crc: content.crc,
      compression: 8,
      mtime,
    };
    zip.add(file);
    yield* written();
    for (const chunk of content.chunks) {
      file.ondata!(null, chunk as Uint8Array<ArrayBuffer>, false);
      yield* written();
    }
    file.ondata!(null, FINAL_BLOCK, true);
    yield* written();
  }
  zip.end();
  yield* written();
}
