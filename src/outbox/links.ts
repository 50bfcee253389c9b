// Absolute links for e-mails and the demo users' note: they are read outside Pejl,
// so a path alone is no use.
import type { Executor } from "../db/client.ts";
import { organisationPath, parseHostMap } from "../domain/organisationAddress.ts";
import { listOrganisations } from "../organisation.ts";

/** PEJL_PUBLIC_URL when set (a proxy or another host), else this machine on the server's port. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PEJL_PUBLIC_URL) return env.PEJL_PUBLIC_URL;
  const port = Number.parseInt(env.PORT ?? "", 10);
  return `http://localhost:${Number.isInteger(port) && port > 0 ? port : 3000}`;
}

export function publicLink(pathname: string): string {
  return new URL(pathname, publicBaseUrl()).href;
}

/**
 * The absolute link to a page of one organisation, for its e-mails: on the
 * host PEJL_HOSTS gives it, at the root when it is the one served there
 * (PEJL_ORGANISATION, or the only one), and under /k/<slug>/ otherwise.
 */
export async function organisationLink(
  db: Executor,
  organisationId: string,
  pathname: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const all = await listOrganisations(db);
  const organisation = all.find((o) => o.id === organisationId);
  if (!organisation) return publicLink(pathname);
  const host = [...parseHostMap(env.PEJL_HOSTS)].find(([, slug]) => slug === organisation.slug)?.[0];
  if (host) return new URL(pathname, `${new URL(publicBaseUrl(env)).protocol}//${host}`).href;
  const atRoot = env.PEJL_ORGANISATION ? env.PEJL_ORGANISATION === organisation.slug : all.length === 1;
  return new URL(atRoot ? pathname : organisationPath(organisation.slug, pathname), publicBaseUrl(env)).href;
}
