// The one error the readers throw. `code` is stable; the commands that read a document
// (documentImporter, hearings/attachment) turn it into an AppError of the central errors
// module (too_large or bad_document), which gives the HTTP status and the Danish page.
// `message` is an English sentence a person can act on.

export type ReadErrorCode =
  | "empty_file"
  | "file_too_large"
  | "unsupported_type"
  | "pdf_encrypted"
  | "pdf_corrupt"
  | "pdf_no_text"
  | "pdf_too_many_pages"
  | "docx_too_large"
  | "docx_corrupt"
  | "text_too_large"
  | "resource_limit"
  | "timeout"
  | "read_failed";

export class ReadError extends Error {
  override readonly name = "ReadError";
  readonly code: ReadErrorCode;

  constructor(code: ReadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isReadError(error: unknown): error is ReadError {
  return error instanceof ReadError;
}

/** "300 MB", "1.5 MB", "12 KB", "7 bytes": sizes in messages, in binary units. */
export function formatSize(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const shown = value >= 10 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString();
  return `${shown} ${units[unit]}`;
}

const SUPPORTED = "Pejl reads PDF, Word (.docx), HTML, Markdown and plain-text files.";

/** Every error a reader can raise, with its message, so that wording stays in one place. */
export const readErrors = {
  emptyFile: () => new ReadError("empty_file", "The file is empty."),
  fileTooLarge: (size: number, limit: number) =>
    new ReadError("file_too_large", `The file is ${formatSize(size)}; the limit is ${formatSize(limit)}.`),
  unsupportedType: (what?: string) =>
    new ReadError(
      "unsupported_type",
      what ? `${what} ${SUPPORTED}` : `The file type is not supported. ${SUPPORTED}`,
    ),
  pdfEncrypted: () =>
    new ReadError("pdf_encrypted", "The PDF is encrypted; remove the password and try again."),
  pdfCorrupt: (cause?: unknown) =>
    new ReadError(
      "pdf_corrupt",
      "The PDF is damaged or incomplete and cannot be read; save or export it again and retry.",
      { cause },
    ),
  pdfNoText: () =>
    new ReadError("pdf_no_text", "No text found: the PDF may be scanned; OCR is not supported."),
  pdfTooManyPages: (pages: number, limit: number) =>
    new ReadError("pdf_too_many_pages", `The PDF has ${pages} pages; the limit is ${limit}.`),
  docxTooLarge: (detail: string) =>
    new ReadError(
      "docx_too_large",
      `The Word file expands to more than Pejl accepts (${detail}); it may be a zip bomb.`,
    ),
  docxCorrupt: (cause?: unknown) =>
    new ReadError(
      "docx_corrupt",
      "The Word file is damaged and cannot be read; open it in Word, save it again and retry.",
      { cause },
    ),
  textTooLarge: (limit: number) =>
    new ReadError(
      "text_too_large",
      `The document contains more than ${limit.toLocaleString("en")} characters of text; split it and try again.`,
    ),
  pdfInflationBomb: (perStream: number, total: number) =>
    new ReadError(
      "resource_limit",
      `The PDF's compressed content expands to more than Pejl reads (${formatSize(perStream)} in one stream, ${formatSize(total)} in all); it may be a decompression bomb.`,
    ),
  htmlTooComplex: (what: string, limit: number) =>
    new ReadError(
      "resource_limit",
      `The HTML file holds more than ${limit.toLocaleString("en")} ${what}, more than Pejl reads; it may be built to exhaust the parser.`,
    ),
  resourceLimit: (cause?: unknown) =>
    new ReadError(
      "resource_limit",
      "Reading the file needed more memory than allowed; it may be damaged or unusually complex.",
      { cause },
    ),
  timeout: (ms: number) =>
    new ReadError(
      "timeout",
      `Reading the file took longer than ${Math.round(ms / 100) / 10} seconds and was stopped; it may be damaged or unusually complex.`,
    ),
  readFailed: (cause?: unknown) =>
    new ReadError("read_failed", "The file could not be read because of an unexpected problem.", { cause }),
};
