// What every route of the web and the API is given: the app's dependencies and
// the per-request context. Shared HTTP plumbing, so routes never import the app.
import type { Context } from "../context.ts";
import type { Database } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { ClientInfo, TrustProxy } from "./proxy.ts";

export interface AppDeps {
  database: Database;
  organisation: { id: string; name: string };
  logger: Logger;
  /** Signs the session cookie (boot.ts sessionSecret); without it, a random one per process. */
  secret?: string;
  /** Largest accepted upload in MB (PEJL_UPLOAD_LIMIT_MB); default 50. */
  uploadLimitMb?: number;
  /** Where uploaded documents are kept (under random names); omitted = not kept. */
  uploadDir?: string;
  /** Counts below this are shown as "<5" (PEJL_SUPPRESSION_THRESHOLD); default 5. */
  suppressionThreshold?: number;
  /** Which peers' X-Forwarded-For/-Proto are believed (PEJL_TRUST_PROXY); default none. */
  trustProxy?: TrustProxy;
}

export type AppEnv = { Variables: { ctx: Context; client?: ClientInfo } };
