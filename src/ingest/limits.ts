// Limits for reading one uploaded document. Every reader gets them; none may exceed them.
// The defaults suit a municipality's policy documents with a wide margin; the caller can
// lower or raise any of them (tests use small values instead of allocating huge buffers).

export interface ReadLimits {
  /** Largest file accepted, in bytes. Checked before anything is parsed. */
  maxBytes: number;
  /** Wall-clock time for reading one document, worker start included. */
  timeoutMs: number;
  /** A PDF with more pages is refused rather than read in part. */
  pdfMaxPages: number;
  /** Inflation-bomb guard: the decompressed size of one Flate stream of a PDF (images aside). */
  pdfMaxStreamBytes: number;
  /** Inflation-bomb guard: the decompressed size of all of a PDF's Flate streams (images aside). */
  pdfMaxInflatedBytes: number;
  /**
   * HTML guard: character references (`&amp;`, `&#230;`) and tags. The HTML parser spends
   * seconds and hundreds of MB on a file made of millions of them; a real page has thousands.
   */
  htmlMaxReferences: number;
  htmlMaxTags: number;
  /** Zip-bomb guard: entries in a DOCX's central directory. */
  docxMaxEntries: number;
  /** Zip-bomb guard: the sum of the declared uncompressed sizes of a DOCX's entries. */
  docxMaxUncompressedBytes: number;
  /** Extracted text longer than this is refused (a small file can decompress into a huge text). */
  maxTextChars: number;
  /** V8 heap of the worker that reads PDF, DOCX and HTML. */
  workerHeapMb: number;
  /**
   * Growth of the process's resident memory while a worker reads. Decoded PDF streams live in
   * ArrayBuffers, outside the worker's heap limit, so a compressed stream can balloon; a watchdog
   * stops the worker when the process grows by more than this.
   */
  workerRssGrowthMb: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxBytes: 50 * MB,
  timeoutMs: 60_000,
  pdfMaxPages: 2_000,
  pdfMaxStreamBytes: 64 * MB,
  pdfMaxInflatedBytes: 256 * MB,
  htmlMaxReferences: 250_000,
  htmlMaxTags: 500_000,
  docxMaxEntries: 5_000,
  docxMaxUncompressedBytes: 200 * MB,
  maxTextChars: 20_000_000,
  // Together these hold the whole server within 512 MB above idle while it reads a hostile
  // file (bench/hostile.ts measures it): the watchdog stops the worker at 384 MB of growth.
  workerHeapMb: 320,
  workerRssGrowthMb: 384,
});

/** The defaults with the caller's overrides; an override that is not a positive number is ignored. */
export function resolveLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  const limits: ReadLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as (keyof ReadLimits)[]) {
    const value = overrides[key];
    if (typeof value === "number" && Number.isFinite(value) && value > 0) limits[key] = value;
  }
  return limits;
}
