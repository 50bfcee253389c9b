// Rendered pages and CSV downloads as responses, with their bytes remembered:
// the render cache (web/portal/renderCache.ts) needs the body to store and
// hash it, and reading it back through Response.arrayBuffer() would build a
// web-stream response from the string first (a copy and a scan of the whole
// text on every uncached request). The responses are plain ones, so anything
// else reads them as usual.
import { renderToString } from "../render.ts";

const encoder = new TextEncoder();
const bodies = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/** A 200 response with `text` (UTF-8) as its body and the given headers. */
export function textResponse(text: string, headers: Record<string, string>): Response {
  const body = encoder.encode(text);
  const response = new Response(body, { headers });
  bodies.set(response, body);
  return response;
}

/** The element rendered to HTML, as a 200 text/html response. */
export async function htmlResponse(element: unknown): Promise<Response> {
  return textResponse(await renderToString(element), { "Content-Type": "text/html; charset=utf-8" });
}

/** A response's body as bytes: those kept by textResponse, or read from the response. */
export async function responseBytes(response: Response): Promise<Uint8Array<ArrayBuffer>> {
  return bodies.get(response) ?? new Uint8Array(await response.arrayBuffer());
}
