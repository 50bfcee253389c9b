// Start-up shared by `npm start` and the CLI: open the database the environment
// names, apply migrations, make sure the organisation and the session secret exist.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Database, openDatabase } from "./db/client.ts";
import { parseHostMap } from "./domain/organisationAddress.ts";
import type { Env } from "./env.ts";
import { AppError } from "./errors.ts";
import { findOrganisation, listOrganisations, NO_ORGANISATION } from "./organisation.ts";

export function databaseDir(env: Env): string {
  return path.join(env.dataDir, "pejl-db");
}

export async function openFromEnv(env: Env, opts: { migrate?: boolean } = {}): Promise<Database> {
  fs.mkdirSync(env.dataDir, { recursive: true });
  const database = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL })
    : await openDatabase({ dataDir: databaseDir(env) });
  if (opts.migrate !== false) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

/** PEJL_SECRET, or one generated on first run and kept in the data directory. */
export function sessionSecret(env: Env): string {
  if (env.PEJL_SECRET) return env.PEJL_SECRET;
  const file = path.join(env.dataDir, "secret");
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** PEJL_HOSTS as host → slug, refused at start when it names an organisation the database does not hold. */
export async function checkedHosts(
  database: Database,
  text: string | undefined,
): Promise<Map<string, string>> {
  const hosts = parseHostMap(text);
  const slugs = new Set((await listOrganisations(database.db)).map((o) => o.slug));
  for (const [host, slug] of hosts)
    if (!slugs.has(slug))
      throw new AppError(
        "not_found",
        `PEJL_HOSTS maps ${host} to "${slug}", which is not an organisation here.`,
      );
  return hosts;
}

export async function requireOrganisation(
  database: Database,
  slug = process.env.PEJL_ORGANISATION || undefined,
) {
  const org = await findOrganisation(database.db, slug);
  if (!org)
    throw new AppError(
      "not_found",
      slug
        ? `No organisation "${slug}" in the database: run \`pejl organisation list\` to see which it holds.`
        : NO_ORGANISATION,
    );
  return org;
}
