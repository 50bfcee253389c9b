// Zip-bomb protection for DOCX. mammoth (through JSZip) inflates whatever the archive holds, so
// the archive is checked and unpacked here first, under limits: the entry count and the declared
// sizes from the central directory before anything is inflated, and the inflated bytes against
// the declared size while streaming (yauzl's validateEntrySizes stops an entry that lies).
import { createRequire } from "node:module";
import type * as Yauzl from "yauzl";
import type { ReadLimits } from "../limits.ts";
import { formatSize, readErrors } from "./readError.ts";

// yauzl is CommonJS; require() skips the ESM loader hook a reader worker runs under (~0.1 s).
const yauzl = createRequire(import.meta.url)("yauzl") as typeof Yauzl;

export type ZipLimits = Pick<ReadLimits, "docxMaxEntries" | "docxMaxUncompressedBytes">;

/**
 * Unpack the entries `keep` accepts; the others become empty placeholders, so that references
 * to them still resolve. Throws `docx_too_large` or `docx_corrupt`.
 */
export async function unzipBounded(
  bytes: Uint8Array,
  limits: ZipLimits,
  keep: (name: string) => boolean,
): Promise<Map<string, Uint8Array>> {
  let zip: Yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw readErrors.docxCorrupt(error);
  }
  try {
    if (zip.entryCount > limits.docxMaxEntries) {
      throw readErrors.docxTooLarge(`${zip.entryCount} files inside; the limit is ${limits.docxMaxEntries}`);
    }
    // First the whole central directory (bounded by the entry count), then the inflating.
    const entries: Yauzl.Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      entries.push(entry);
    }
    if (declared > limits.docxMaxUncompressedBytes) {
      throw readErrors.docxTooLarge(
        `it would expand to ${formatSize(declared)}; the limit is ${formatSize(limits.docxMaxUncompressedBytes)}`,
      );
    }
    const files = new Map<string, Uint8Array>();
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      files.set(entry.fileName, keep(entry.fileName) ? await readEntry(zip, entry) : new Uint8Array(0));
    }
    return files;
  } catch (error) {
    if (error instanceof Error && error.name === "ReadError") throw error;
    throw readErrors.docxCorrupt(error);
  } finally {
    zip.close();
  }
}

async function readEntry(zip: Yauzl.ZipFile, entry: Yauzl.Entry): Promise<Uint8Array> {
  const stream = await zip.openReadStreamPromise(entry);
  const out = new Uint8Array(entry.uncompressedSize);
  let at = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // validateEntrySizes already errors past the declared size; this keeps `out` in bounds regardless.
    if (at + chunk.length > out.length) throw new Error("entry larger than declared");
    out.set(chunk, at);
    at += chunk.length;
  }
  return at === out.length ? out : out.subarray(0, at);
}
