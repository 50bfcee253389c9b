// The demo's people: one user per role and two reporters in different
// administrations, with random passwords shown once and kept in a file only
// the owner of the data directory can read.
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { generatePassword } from "../auth/password.ts";
import { userCreator } from "../commands/userCreator.ts";
import type { Actor, Context } from "../context.ts";
import { administrations, users } from "../db/schema.ts";
import type { Role } from "../domain/enums.ts";

export const DEMO_EMAIL_DOMAIN = "demo.example";

interface DemoPerson {
  local: string;
  name: string;
  role: Role;
  administration?: string;
}

const people: DemoPerson[] = [
  { local: "admin", name: "Anne Administrator", role: "admin" },
  { local: "koordinator", name: "Kasper Koordinator", role: "coordinator" },
  { local: "laeser", name: "Vera Læser", role: "viewer" },
  { local: "indmelder.bif", name: "Bent Indmelder", role: "reporter", administration: "BIF" },
  { local: "indmelder.sof", name: "Sofie Indmelder", role: "reporter", administration: "SOF" },
];

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  administration: string | null;
  /** Null for a user that existed already: its password is not known. */
  password: string | null;
}

/** Creates the demo users that do not exist yet (by e-mail); returns all five. */
export async function createDemoUsers(ctx: Context, opts: { emailDomain?: string } = {}) {
  const domain = opts.emailDomain ?? DEMO_EMAIL_DOMAIN;
  const result: DemoUser[] = [];
  for (const person of people) {
    const email = `${person.local}@${domain}`;
    const [existing] = await ctx.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.email, email), eq(users.organisationId, ctx.organisationId)));
    let id = existing?.id;
    let password: string | null = null;
    if (!id) {
      password = generatePassword();
      const created = await userCreator(ctx, {
        name: person.name,
        email,
        role: person.role,
        administration: person.administration,
        password,
      });
      id = created.id;
    }
    result.push({
      id,
      name: person.name,
      email,
      role: person.role,
      administration: person.administration ?? null,
      password,
    });
  }
  return result;
}

/** The actor a demo reporter's requests would carry, for writing the example answers as them. */
export async function demoReporterActor(ctx: Context, user: DemoUser): Promise<Actor> {
  const [admin] = await ctx.db
    .select({ id: administrations.id })
    .from(administrations)
    .where(
      and(
        eq(administrations.organisationId, ctx.organisationId),
        eq(administrations.code, user.administration ?? ""),
      ),
    );
  return {
    kind: "user",
    userId: user.id,
    label: user.email,
    grants: [{ role: "reporter", administrationId: admin?.id ?? null }],
  };
}

/** The table printed once and written to <dataDir>/demo-users.txt (mode 0600). */
export function demoUsersText(list: DemoUser[], baseUrl: string): string {
  const rows = list
    .filter((u) => u.password)
    .map(
      (u) => `${u.role.padEnd(12)}${(u.administration ?? "").padEnd(6)}${u.email.padEnd(34)}${u.password}`,
    );
  return [
    "Pejl demo users (example data; change or disable them before real use)",
    `Log in at ${new URL("/admin", baseUrl).href}`,
    "",
    `${"role".padEnd(12)}${"adm.".padEnd(6)}${"e-mail".padEnd(34)}password`,
    ...rows,
    "",
  ].join("\n");
}

export function writeDemoUsersFile(dataDir: string, text: string): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "demo-users.txt");
  fs.writeFileSync(file, text, { mode: 0o600 });
  // mode applies only to a new file: an old one keeps its permissions otherwise.
  fs.chmodSync(file, 0o600);
  return file;
}
