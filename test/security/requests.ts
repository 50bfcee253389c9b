// Requests the security suite sends with a logged-in client's session cookie:
// the admin's forms as a browser posts them, and the API's bodies.
import type { AdminClient } from "../../src/web/admin/testkit.ts";
import type { App, Route } from "./world.ts";

export const OWN_ORIGIN = "http://localhost";
export const EVIL_ORIGIN = "https://evil.example";

export interface Send {
  path: string;
  method: string;
  /** The session's CSRF token, or none. */
  csrf: string | null;
  origin: string;
  body?: BodyInit;
  contentType?: string;
}

export function cookieOf(client: AdminClient): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** A well-formed body of the route's kind (a form with `fields`, or the API's JSON or document). */
export function emptyBody(
  route: Route,
  csrf: string | null,
  fields: Record<string, string> = {},
): { body: BodyInit; contentType: string } {
  if (route.path.startsWith("/api/v1/documents")) return { body: "x", contentType: "text/plain" };
  if (route.path.startsWith("/api/")) return { body: "{}", contentType: "application/json" };
  const form = new URLSearchParams(fields);
  if (csrf) form.set("_csrf", csrf);
  return { body: form.toString(), contentType: "application/x-www-form-urlencoded" };
}

export async function send(app: App, client: AdminClient | null, s: Send): Promise<Response> {
  const headers: Record<string, string> = { origin: s.origin };
  if (client) headers.cookie = cookieOf(client);
  if (s.contentType) headers["content-type"] = s.contentType;
  if (s.csrf && s.path.startsWith("/api/")) headers["x-csrf-token"] = s.csrf;
  return app.request(s.path, { method: s.method, headers, body: s.body });
}
