// Which organisation a request is for. One server, one database, several
// municipalities: a request names its organisation by the path prefix
// /k/<slug>/… or by its host name (PEJL_HOSTS maps hosts to slugs); otherwise
// it is for the default organisation (PEJL_ORGANISATION, or the only one
// there is). Without any, the request is national: the list of municipalities
// and the comparisons (web/national/).
import type { MiddlewareHandler } from "hono";
import { getPath } from "hono/utils/url";
import { createContext, publicActor } from "../context.ts";
import type { Executor } from "../db/client.ts";
import { hostName, organisationPath, splitOrganisationPath } from "../domain/organisationAddress.ts";
import { notFound } from "../errors.ts";
import { listOrganisations, type OrganisationRef } from "../organisation.ts";
import { onGenerationBump } from "../queries/generation.ts";
import type { AppEnv } from "./appEnv.ts";
import { withBasePath } from "./links.ts";

/**
 * The path the app routes on: the organisation prefix taken off, so every route
 * is written once ("/politikker") and serves every organisation. Hono's own
 * getPath does the decoding; `c.req.path` is this path too.
 */
export function routedPath(request: Request): string {
  const path = getPath(request);
  return splitOrganisationPath(path)?.rest ?? path;
}

/** The path as the client sent it (with its prefix), without the query. */
function requestedPath(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  const end = url.search(/[?#]/);
  const raw = url.slice(start, end === -1 ? undefined : end);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** How often at most an unknown slug makes the directory read the organisations again. */
const RELOAD_ON_MISS_MS = 1000;

/**
 * The organisations, kept in memory so that choosing one costs no query (a
 * cached page is served at static-file speed). Any write marks the list stale
 * (a new organisation, a new name); an unknown slug reloads it at most once a second.
 */
export class OrganisationDirectory {
  #db: Executor;
  #list: Promise<OrganisationRef[]> | undefined;
  #loadedAt = 0;

  constructor(db: Executor) {
    this.#db = db;
    onGenerationBump(() => {
      this.#list = undefined;
    });
  }

  all(): Promise<OrganisationRef[]> {
    if (!this.#list) {
      this.#loadedAt = Date.now();
      const loading = listOrganisations(this.#db);
      this.#list = loading;
      loading.catch(() => {
        if (this.#list === loading) this.#list = undefined;
      });
    }
    return this.#list;
  }

  async bySlug(slug: string): Promise<OrganisationRef | undefined> {
    const found = (await this.all()).find((o) => o.slug === slug);
    if (found || Date.now() - this.#loadedAt < RELOAD_ON_MISS_MS) return found;
    this.#list = undefined;
    return (await this.all()).find((o) => o.slug === slug);
  }

  async byId(id: string): Promise<OrganisationRef | undefined> {
    return (await this.all()).find((o) => o.id === id);
  }
}

export interface TenancyOptions {
  directory: OrganisationDirectory;
  db: Executor;
  /** Served at unprefixed URLs of hosts that name no organisation (tests, PEJL_ORGANISATION). */
  defaultOrganisation?: { id: string } | { slug: string };
  /** Host name → organisation slug (PEJL_HOSTS). */
  hosts?: ReadonlyMap<string, string>;
}

/** The organisation a request is for, and the base path of its links; "unknown" for a slug that names none. */
export async function resolveOrganisation(
  opts: TenancyOptions,
  url: string,
  host: string | undefined,
): Promise<{ organisation?: OrganisationRef; basePath: string } | "unknown"> {
  const { directory } = opts;
  const prefixed = splitOrganisationPath(requestedPath(url));
  if (prefixed) {
    const organisation = await directory.bySlug(prefixed.slug);
    if (!organisation) return "unknown";
    return { organisation, basePath: organisationPath(organisation.slug, "") };
  }
  const hostSlug = opts.hosts?.get(hostName(host));
  if (hostSlug) {
    const organisation = await directory.bySlug(hostSlug);
    return organisation ? { organisation, basePath: "" } : "unknown";
  }
  const fallback = opts.defaultOrganisation;
  if (fallback) {
    const organisation =
      "id" in fallback ? await directory.byId(fallback.id) : await directory.bySlug(fallback.slug);
    return organisation ? { organisation, basePath: "" } : "unknown";
  }
  const all = await directory.all();
  return { organisation: all.length === 1 ? all[0] : undefined, basePath: "" };
}

/**
 * Sets the request's organisation, its context (public actor until a login
 * says otherwise) and the base path of its links. A request for no
 * organisation gets no context: only the national routes answer it.
 */
export function tenancy(opts: TenancyOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The URL's host is the Host header as the client sent it (the node server builds the URL from it).
    const resolved = await resolveOrganisation(opts, c.req.url, new URL(c.req.url).host);
    if (resolved === "unknown") throw notFound("The municipality");
    c.set("basePath", resolved.basePath);
    if (resolved.organisation) {
      c.set("organisation", resolved.organisation);
      c.set(
        "ctx",
        createContext({ db: opts.db, organisationId: resolved.organisation.id, actor: publicActor }),
      );
    }
    return withBasePath(resolved.basePath, () => next());
  };
}

/** For routes of one organisation: a request that names none has nothing to show here. */
export const requireOrganisation: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("organisation")) throw notFound("The page");
  await next();
};

/** The name of the request's organisation, for the page header and footer. */
/** What the request's organisation calls its council, inside a sentence ("Borgerrepræsentationen"). */
export function councilName(c: { get(key: "organisation"): AppEnv["Variables"]["organisation"] }): string {
  return c.get("organisation").councilName;
}

export function organisationName(c: {
  get(key: "organisation"): AppEnv["Variables"]["organisation"];
}): string {
  return c.get("organisation").name;
}
