// Responses compressed for clients that accept gzip: every browser does, and the portal's
// pages (a document's page holds the document's text: 225 kB, 73 kB gzipped) and the
// design system's CSS (215 kB, 30 kB gzipped) are mostly text. What is kept (the render
// cache's pages, the assets) is compressed once, on the first request that asks for it,
// and that copy is served again; anything else is compressed as it streams (`compressRest`).
// Clients that do not ask get the bytes as they are.
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { compress } from "hono/compress";
import { parseAccept } from "hono/utils/accept";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";

/** Smaller bodies are sent as they are: the gzip header and a round of work cost more than they save. */
const MIN_BYTES = 1024;

const gzipAsync = promisify(gzip);

/** Whether the request's Accept-Encoding allows gzip (by name, or by `*`, with q > 0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  const accepts = parseAccept(acceptEncoding);
  const q = (accepts.find((a) => a.type.toLowerCase() === "gzip") ?? accepts.find((a) => a.type === "*"))?.q;
  return q !== undefined && q > 0;
}

/** Whether a body of this type and size is worth compressing (text, JSON, SVG, CSS, JavaScript…). */
export function worthCompressing(contentType: string | undefined, bytes: number): boolean {
  return bytes >= MIN_BYTES && contentType !== undefined && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType);
}

/**
 * The body's gzip, made the first time it is asked for (off the event loop, in zlib's
 * thread pool) and shared by every later and concurrent request; `onMade` is told of the
 * copy once, when it is made.
 */
export function gzipOnce(
  body: Uint8Array,
  onMade?: (gzipped: Uint8Array) => void,
): () => Promise<Uint8Array<ArrayBuffer>> {
  let made: Promise<Uint8Array<ArrayBuffer>> | undefined;
  return () => {
    made ??= gzipAsync(body).then((buffer) => {
      const gzipped = new Uint8Array(buffer);
      onMade?.(gzipped);
      return gzipped;
    });
    return made;
  };
}

/** The headers of a body's gzipped copy: its encoding, its length, and the ETag marked weak (same content, other bytes). */
function gzippedHeaders(headers: Record<string, string>, gzipped: Uint8Array): Record<string, string> {
  const { etag, ...rest } = headers;
  return {
    ...rest,
    "content-encoding": "gzip",
    "content-length": String(gzipped.byteLength),
    ...(etag ? { etag: etag.startsWith("W/") ? etag : `W/${etag}` } : {}),
  };
}

/** What is sent of a kept body: its gzipped copy (headers say so), the bytes as they are, or none for HEAD. */
interface Sent {
  body: Uint8Array<ArrayBuffer> | null;
  headers: Record<string, string>;
}

/**
 * What a kept body (a render cache's page, an asset) is sent as: its gzipped copy, with
 * the copy's headers, to a GET from a client that accepts gzip; otherwise the bytes as
 * they are, with a copy of `headers`. A HEAD request gets no body and the plain headers:
 * what a GET without gzip would get. `gzipped` is the body's copy (gzipOnce), absent
 * where compressing is not worth it.
 */
export async function sendKept(
  req: { method: string; header(name: string): string | undefined },
  body: Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
  gzipped: (() => Promise<Uint8Array<ArrayBuffer>>) | undefined,
): Promise<Sent> {
  const head = req.method === "HEAD";
  if (head || !gzipped || !acceptsGzip(req.header("Accept-Encoding")))
    return { body: head ? null : body, headers: { ...headers } };
  const copy = await gzipped();
  return { body: copy, headers: gzippedHeaders(headers, copy) };
}

/**
 * gzip for every other response (admin pages, the API, large downloads), compressed as it is
 * sent. Only for a client that asks: reading a response's headers builds them anew (the
 * Node server keeps a plain object until then), which every other request is spared. A
 * plain answer needs no Vary: any client can read it.
 */
export function compressRest(): MiddlewareHandler {
  const gzipping = compress({ encoding: "gzip", threshold: MIN_BYTES });
  return (c, next) => (acceptsGzip(c.req.header("Accept-Encoding")) ? gzipping(c, next) : next());
}
