// Links inside the organisation a request is for. One server can serve several
// organisations, each under its own path prefix (/k/<slug>/…) or at the root
// (its own host name, or the only one). Code speaks in site paths, as the
// routes are written ("/politikker/x"); a path becomes a URL where it is
// written into a page (href, action, src) or a Location header, through
// `link`, which puts the request's base path in front. Components that take a
// path as a prop (breadcrumbs, menus, cards, buttons, pagination) call it
// themselves, so callers pass site paths. The base is request-scoped (set by
// http/tenancy.ts for the length of the request), so no component needs a prop
// for it. Outside a request (reports, tests, the CLI) the base is empty.
import { AsyncLocalStorage } from "node:async_hooks";

const scope = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it awaits) with `base` as the base path of links. */
export function withBasePath<T>(base: string, work: () => T): T {
  return scope.run(base, work);
}

/** The current request's base path: "" at the root, "/k/<slug>" under a prefix. */
export function basePath(): string {
  return scope.getStore() ?? "";
}

/**
 * The URL of a site path in the current organisation: `link("/politikker")` →
 * "/k/aarhus/politikker". Anything else ("#main", "https://…", "mailto:…") is
 * returned as it is.
 */
export function link(path: string): string {
  return path.startsWith("/") && !path.startsWith("//") ? `${basePath()}${path}` : path;
}
