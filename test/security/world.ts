// One organisation with something behind every write route (a policy, BIF's and
// SOF's initiatives and round answers, an inquiry, a hearing with responses, a
// pending candidate, users of every role), the app over it, a logged-in client
// per role, and the app's own list of routes, so the security suite covers every
// route the app serves, including routes added later.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { buildApp } from "../../src/app.ts";
import { roundOpener } from "../../src/commands/rounds/roundOpener.ts";
import type { Context } from "../../src/context.ts";
import { candidates, documents, statusReports } from "../../src/db/schema.ts";
import { createLogger } from "../../src/logger.ts";
import { AdminClient } from "../../src/web/admin/testkit.ts";
import { testDatabase } from "../db.ts";
import {
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildRegistry,
  type TestOrganisation,
} from "../factories.ts";

export type Role = "admin" | "coordinator" | "reporter" | "viewer";
export const roles: Role[] = ["admin", "coordinator", "reporter", "viewer"];
export type Where = "own" | "other";

export interface Route {
  method: string;
  path: string;
}

export type App = ReturnType<typeof buildApp>;

/** Every route the app answers with a handler of its own (middleware excluded), once each. */
export function routesOf(app: App): Route[] {
  const seen = new Map<string, Route>();
  for (const r of app.routes) {
    if (r.method === "ALL") continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

export const isWrite = (r: Route) => !["GET", "HEAD", "OPTIONS"].includes(r.method);

export interface World {
  org: TestOrganisation;
  app: App;
  /** A coordinator's context, for setting things up through the commands. */
  staff: Context;
  ids: {
    policy: string;
    document: string;
    round: string;
    report: Record<Where, string>;
    initiative: Record<Where, string>;
    administration: Record<Where, string>;
    committee: string;
    user: string;
    inquiry: string;
    hearing: string;
    response: string;
    candidate: string;
  };
  login(role: Role): Promise<AdminClient>;
  /** A digest of every row the organisation has, sessions and login throttle aside. */
  fingerprint(): Promise<string>;
  /** A digest of the organisation's rows in these tables. */
  digest(tables: readonly string[]): Promise<string>;
}

/** The organisation's own row, and the tables with an organisation_id whose rows are its data. */
const DATA_TABLES = [
  "organisations",
  "administrations",
  "committees",
  "documents",
  "policies",
  "themes",
  "goals",
  "indicators",
  "observations",
  "initiatives",
  "budget_lines",
  "annual_targets",
  "candidates",
  "users",
  "role_assignments",
  "api_tokens",
  "status_rounds",
  "status_reports",
  "inquiries",
  "hearings",
  "hearing_responses",
  "audit_events",
  "outbox",
  "settings",
];

export async function buildWorld(): Promise<World> {
  const org = await buildOrganisation();
  const registry = await buildRegistry(org);
  const policy = registry.policy;
  const bif = await buildInitiative(org, policy.id, {
    title: "Jobmentor",
    administrationId: org.administrationIds.BIF,
  });
  const sof = await buildInitiative(org, policy.id, {
    title: "Rådgivning",
    administrationId: org.administrationIds.SOF,
  });
  const staff = await buildLoginUser(org, "coordinator");
  const round = await roundOpener(staff.ctx, {
    policyId: policy.id,
    kind: "annual",
    period: "2025",
    deadline: "2026-01-31",
    administrations: ["BIF", "SOF"],
  });
  const reports = await org.db
    .select({ id: statusReports.id, initiativeId: statusReports.initiativeId })
    .from(statusReports)
    .where(sql`${statusReports.roundId} = ${round.id}`);
  const reportOf = (initiativeId: string) => reports.find((r) => r.initiativeId === initiativeId)!.id;
  const [doc] = await org.db
    .insert(documents)
    .values({
      organisationId: org.organisationId,
      filename: "forslag.txt",
      mediaType: "text/plain",
      sha256: randomUUID().replaceAll("-", "").padEnd(64, "0"),
      size: 10,
      text: "Politik for lighed",
    })
    .returning();
  const [candidate] = await org.db
    .insert(candidates)
    .values({
      organisationId: org.organisationId,
      documentId: doc!.id,
      key: "policy:1",
      entity: "policy",
      fields: { title: "Politik for lighed" },
      confidence: 0.9,
    })
    .returning();
  const users = {} as Record<Role, { email: string; password: string; id: string }>;
  for (const role of roles) {
    const u = await buildLoginUser(org, role, {
      administrationCode: role === "reporter" ? "BIF" : undefined,
    });
    users[role] = { email: u.email, password: u.password, id: u.user.id };
  }
  const database = await testDatabase();
  const app = buildApp({
    database,
    organisation: { id: org.organisationId, name: "Testkommune" },
    logger: createLogger("silent"),
  });
  const digest = async (tables: readonly string[]) => {
    const parts: string[] = [];
    for (const table of tables) {
      const result = await database.db.execute(
        sql`SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS digest FROM ${sql.identifier(table)} t WHERE ${sql.identifier(table === "organisations" ? "id" : "organisation_id")} = ${org.organisationId}`,
      );
      const rows = (result as unknown as { rows: { digest: string }[] }).rows;
      parts.push(`${table}:${rows[0]!.digest}`);
    }
    return parts.join(" ");
  };
  return {
    org,
    app,
    staff: staff.ctx,
    ids: {
      policy: policy.id,
      document: doc!.id,
      round: round.id,
      report: { own: reportOf(bif.id), other: reportOf(sof.id) },
      initiative: { own: bif.id, other: sof.id },
      administration: { own: org.administrationIds.BIF!, other: org.administrationIds.SOF! },
      committee: org.committeeIds.BUU!,
      user: users.viewer.id,
      inquiry: registry.inquiries[0]!.id,
      hearing: registry.hearing.id,
      response: registry.hearingResponses[0]!.id,
      candidate: candidate!.id,
    },
    async login(role) {
      const client = new AdminClient(app);
      const res = await client.login(users[role].email, users[role].password);
      if (res.status !== 303) throw new Error(`${role} could not log in (${res.status})`);
      await client.get("/admin");
      return client;
    },
    fingerprint: () => digest(DATA_TABLES),
    digest,
  };
}

/** The route's path with its parameters filled for a request about `where`'s data. */
export function fillPath(world: World, route: Route, where: Where = "own"): string {
  const { ids } = world;
  const p = route.path;
  return p
    .replace(":reportId", ids.report[where])
    .replace(":rid", ids.response)
    .replace(":kind", "initiativer")
    .replace(/:id\b/, () => {
      if (p.startsWith("/admin/runder/")) return ids.round;
      if (p.startsWith("/admin/indmeldinger/")) return ids.report[where];
      if (p.startsWith("/admin/register/")) return ids.initiative[where];
      if (p.startsWith("/admin/brugere/")) return ids.user;
      if (p.startsWith("/admin/organisation/forvaltninger/")) return ids.administration[where];
      if (p.startsWith("/admin/organisation/udvalg/")) return ids.committee;
      if (p.startsWith("/admin/spoergsmaal/")) return ids.inquiry;
      if (p.includes("hoeringer/")) return ids.hearing;
      if (p.startsWith("/admin/forslag/")) return ids.candidate;
      return randomUUID();
    })
    .replace(/:[a-zA-Z]+\b/g, () => randomUUID());
}
