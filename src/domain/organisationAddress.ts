// Where an organisation lives on a server that holds several: under the path
// prefix /k/<slug>/, or at the root of a host name of its own (PEJL_HOSTS).
// Pure string rules, shared by the request routing (http/tenancy.ts), the
// links in pages (http/links.ts) and the links in e-mails (outbox/links.ts).

/** The prefix under which every organisation's pages live. */
export const ORGANISATION_PREFIX = "/k/";

/** A path in a named organisation's part of the site: ("aarhus", "/data") → "/k/aarhus/data". */
export function organisationPath(slug: string, path = "/"): string {
  return `${ORGANISATION_PREFIX}${encodeURIComponent(slug)}${path}`;
}

/** "/k/aarhus/politikker" → { slug: "aarhus", rest: "/politikker" }; "/k/aarhus" → rest "/". */
export function splitOrganisationPath(path: string): { slug: string; rest: string } | undefined {
  if (!path.startsWith(ORGANISATION_PREFIX)) return undefined;
  const end = path.indexOf("/", ORGANISATION_PREFIX.length);
  const slug = path.slice(ORGANISATION_PREFIX.length, end === -1 ? undefined : end);
  if (!slug) return undefined;
  return { slug, rest: end === -1 ? "/" : path.slice(end) };
}

/** "Kommune-A.example:8080" → "kommune-a.example". */
export function hostName(host: string | undefined): string {
  return (host ?? "").trim().toLowerCase().replace(/:\d+$/, "");
}

/** Parses PEJL_HOSTS ("a.example=aarhus,b.example=odense") into host → slug; a malformed entry throws. */
export function parseHostMap(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of (text ?? "").split(",")) {
    if (!entry.trim()) continue;
    const at = entry.indexOf("=");
    const host = hostName(entry.slice(0, at));
    const slug = entry.slice(at + 1).trim();
    if (at < 1 || !host || !slug)
      throw new Error(`PEJL_HOSTS: "${entry.trim()}" is not host=organisation-slug.`);
    map.set(host, slug);
  }
  return map;
}
