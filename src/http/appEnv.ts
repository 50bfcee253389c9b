// What every route of the web and the API is given: the app's dependencies and
// the per-request context. Shared HTTP plumbing, so routes never import the app.
import type { Context } from "../context.ts";
import type { Database } from "../db/client.ts";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../domain/suppression.ts";
import type { Logger } from "../logger.ts";
import type { OrganisationRef } from "../organisation.ts";
import type { ClientInfo, TrustProxy } from "./proxy.ts";

export interface AppDeps {
  database: Database;
  /**
   * The organisation served at unprefixed URLs (PEJL_ORGANISATION, or one a
   * test serves); omitted: the only organisation, and with several none (the
   * root is then the national page). Every organisation is also at /k/<slug>/.
   */
  organisation?: { id: string; name?: string } | { slug: string };
  /** Host name → organisation slug (PEJL_HOSTS): that host serves that organisation at its root. */
  hosts?: ReadonlyMap<string, string>;
  logger: Logger;
  /** Signs the session cookie (boot.ts sessionSecret); without it, a random one per process. */
  secret?: string;
  /** Largest accepted upload in MB (PEJL_UPLOAD_LIMIT_MB); default 50. */
  uploadLimitMb?: number;
  /** Where uploaded documents are kept (under random names); omitted = not kept. */
  uploadDir?: string;
  /** Counts below this are shown as "<5" (PEJL_SUPPRESSION_THRESHOLD); default 5. */
  suppressionThreshold?: number;
  /** Memory for each render cache of public pages in MB (PEJL_RENDER_CACHE_MB); default 256. */
  renderCacheMb?: number;
  /** Which peers' X-Forwarded-For/-Proto are believed (PEJL_TRUST_PROXY); default none. */
  trustProxy?: TrustProxy;
  /**
   * The one-time code that opens the set-up form from another machine while the
   * database holds no organisation (printed at start-up); without it, only from the server itself.
   */
  setupCode?: string;
}

export type AppVariables = {
  /** Who acts, for which organisation; set for every request that names an organisation. */
  ctx: Context;
  /** The organisation the request is for (absent on the national pages). */
  organisation: OrganisationRef;
  /** "" or "/k/<slug>": what http/links.ts puts in front of every own link. */
  basePath: string;
  /** The client's address and protocol, as far as PEJL_TRUST_PROXY lets us believe them. */
  client?: ClientInfo;
};

export type AppEnv = { Variables: AppVariables };

/**
 * The threshold below which counts are suppressed: the one place the deps'
 * configured value (PEJL_SUPPRESSION_THRESHOLD) falls back to the default, so
 * the portal, the API, the open data and the committee report never disagree.
 */
export function renderCacheBytesOf(deps: Pick<AppDeps, "renderCacheMb">): number | undefined {
  return deps.renderCacheMb === undefined ? undefined : Math.floor(deps.renderCacheMb * 1024 * 1024);
}

export function suppressionThresholdOf(deps: Pick<AppDeps, "suppressionThreshold">): number {
  return deps.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
}
