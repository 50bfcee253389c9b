// Reading an uploaded document from a request, for the admin form and the
// API alike: a multipart field "file", or (API) the raw body with the file
// name in ?filename= or X-Filename. The size limit is enforced before the
// body is read (bodyLimit) and again on the bytes.
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../errors.ts";

export const DEFAULT_UPLOAD_LIMIT_MB = 50;
/** Room for the multipart envelope and the other form fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

export function uploadLimitBytes(limitMb: number | undefined): number {
  return Math.round((limitMb ?? DEFAULT_UPLOAD_LIMIT_MB) * 1024 * 1024);
}

export function tooLarge(limitBytes: number): AppError {
  const mb = Math.round((limitBytes / 1024 / 1024) * 10) / 10;
  return new AppError("too_large", `The file is larger than the upload limit of ${mb} MB.`, {
    danish: `Filen er større end grænsen på ${String(mb).replace(".", ",")} MB.`,
  });
}

/** Refuses a body larger than the limit as it streams in (413), before anything is parsed. */
export function uploadBodyLimit(limitBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: limitBytes + ENVELOPE_BYTES,
    onError: () => {
      throw tooLarge(limitBytes);
    },
  });
}

export interface Upload {
  bytes: Uint8Array;
  filename: string;
}

/** The file name without path separators or control characters, at most 200 characters. */
const safeName = (name: string) =>
  [...name.replace(/[\\/]/g, "_")]
    .filter((ch) => ch.charCodeAt(0) >= 32)
    .join("")
    .trim()
    .slice(0, 200);

/** The uploaded file, or null when the request carries none. */
export async function readUpload(c: HonoContext, opts: { allowRaw: boolean }): Promise<Upload | null> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || (file.size === 0 && !file.name)) return null;
    return { bytes: new Uint8Array(await file.arrayBuffer()), filename: safeName(file.name || "dokument") };
  }
  if (!opts.allowRaw) return null;
  const name = c.req.query("filename") ?? c.req.header("x-filename");
  if (!name) return null;
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), filename: safeName(name) };
}
