// The demo's users and example round, seeded on the real demo corpus.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { buildOrganisation, type TestOrganisation } from "../../test/factories.ts";
import { verifyPassword } from "../auth/password.ts";
import {
  indicators,
  observations,
  policies,
  roleAssignments,
  statusReports,
  statusRounds,
  users,
} from "../db/schema.ts";
import { createLogger } from "../logger.ts";
import { publicBaseUrl } from "../outbox/links.ts";
import { roundBoard } from "../queries/rounds/rounds.ts";
import { roundReport } from "../reports/roundReport.ts";
import { AdminClient } from "../web/admin/testkit.ts";
import { importDemoDocuments } from "./demoImport.ts";
import { seedDemo } from "./demoSeed.ts";
import { demoUsersText } from "./demoUsers.ts";
import { demoDocuments } from "./loadDemo.ts";

const logger = createLogger("silent");
let org: TestOrganisation;
let dataDir: string;
let domain: string;
let first: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  org = await buildOrganisation();
  await importDemoDocuments(org.ctx(), demoDocuments(), logger);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-demo-"));
  domain = `demo-${randomUUID().slice(0, 8)}.example`;
  first = await seedDemo(org.ctx(), {
    dataDir,
    baseUrl: "http://localhost:3000",
    print: false,
    logger,
    emailDomain: domain,
  });
}, 120_000);

describe("demo users and example round", () => {
  it("creates one user per role and two reporters in different administrations, passwords only in a private file", async () => {
    const rows = await org.db
      .select({ email: users.email, hash: users.passwordHash, role: roleAssignments.role })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(eq(users.organisationId, org.organisationId));
    expect(rows.map((r) => r.role).sort()).toEqual([
      "admin",
      "coordinator",
      "reporter",
      "reporter",
      "viewer",
    ]);
    const reporters = first!.users.filter((u) => u.role === "reporter");
    expect(new Set(reporters.map((u) => u.administration))).toEqual(new Set(["BIF", "SOF"]));

    const file = path.join(dataDir, "demo-users.txt");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, "utf8");
    for (const user of first!.users) {
      expect(user.password).toBeTruthy();
      expect(text).toContain(`${user.email}`);
      expect(text).toContain(user.password!);
      const row = rows.find((r) => r.email === user.email)!;
      expect(row.hash).not.toContain(user.password!);
      expect(await verifyPassword(row.hash!, user.password!)).toBe(true);
    }
    // The passwords differ from user to user.
    expect(new Set(first!.users.map((u) => u.password)).size).toBe(5);
  });

  it("lets the BIF reporter log in with the printed password", async () => {
    const reporter = first!.users.find((u) => u.administration === "BIF")!;
    const client = new AdminClient(await buildTestApp(org));
    await client.get("/admin/login");
    const res = await client.post("/admin/login", { email: reporter.email, password: reporter.password! });
    expect(res.status).toBe(303);
    const page = await client.get("/admin");
    expect(page.status).toBe(200);
  });

  it("opens one example round for the LGBTI+ policy with labelled answers: most accepted, one waiting, one draft", async () => {
    const [round] = await org.db
      .select({ round: statusRounds, policyTitle: policies.title })
      .from(statusRounds)
      .innerJoin(policies, eq(policies.id, statusRounds.policyId))
      .where(eq(statusRounds.organisationId, org.organisationId));
    expect(round!.round).toMatchObject({ isExample: true, state: "open", kind: "annual" });
    expect(round!.round.title).toContain("Eksempeldata");
    expect(round!.policyTitle).toMatch(/LGBTI/);

    const answers = await org.db
      .select()
      .from(statusReports)
      .where(eq(statusReports.roundId, round!.round.id));
    const written = answers.filter((a) => a.narrative);
    expect(written.length).toBeGreaterThanOrEqual(5);
    for (const a of written) expect(a.narrative).toMatch(/^Eksempeldata: /);
    const accepted = written.filter((a) => a.state === "accepted");
    const waiting = written.filter((a) => a.state === "submitted");
    const submitted = [...accepted, ...waiting];
    const drafts = written.filter((a) => a.state === "draft");
    expect(drafts).toHaveLength(1);
    expect(waiting).toHaveLength(1);
    expect(accepted.length).toBe(written.length - 2);
    expect(accepted.length).toBeGreaterThan(written.length / 2);
    const bif = org.administrationIds.BIF!;
    const sof = org.administrationIds.SOF!;
    expect(new Set(submitted.map((a) => a.administrationId))).toEqual(new Set([bif, sof]));
    // Written as the reporters themselves, so the board and the audit log show who answered.
    expect(written.every((a) => a.authorId)).toBe(true);

    const board = await roundBoard(org.ctx(), round!.round.id, round!.round.deadline);
    const byCode = Object.fromEntries(board.rows.map((r) => [r.code, r]));
    expect(byCode.BIF!.submitted + byCode.BIF!.accepted).toBeGreaterThan(0);
    expect(byCode.SOF!.submitted + byCode.SOF!.accepted).toBeGreaterThan(0);
    expect(byCode.KFF!.submitted).toBe(0);

    const { bytes } = await roundReport(org.ctx(), round!.round.id, "html");
    expect(bytes.toString("utf8")).toContain("Eksempeldata");
  });

  it("gives the barometer example measurements, marked Eksempeldata on the page, in the API and the open data", async () => {
    const app = await buildTestApp(org);
    const withBaseline = await org.db
      .select({ id: indicators.id, title: indicators.title })
      .from(indicators)
      .where(and(eq(indicators.organisationId, org.organisationId), isNotNull(indicators.baselineValue)));
    expect(withBaseline.length).toBeGreaterThan(5);
    const measured = await org.db
      .select({ indicatorId: observations.indicatorId, footnote: observations.footnote })
      .from(observations)
      .where(eq(observations.organisationId, org.organisationId));
    expect(new Set(measured.map((o) => o.indicatorId))).toEqual(new Set(withBaseline.map((i) => i.id)));
    for (const o of measured) expect(o.footnote).toMatch(/^Eksempeldata/);

    // Progress can be computed now: most indicators with a baseline have a status, not "Kan ikke beregnes".
    const api = (await (await app.request("/api/v1/indicators?limit=100")).json()) as {
      data: { id: string; progress: string }[];
    };
    const statuses = api.data.filter((i) => withBaseline.some((w) => w.id === i.id)).map((i) => i.progress);
    expect(statuses.filter((s) => s !== "not_available").length).toBeGreaterThan(statuses.length / 2);
    expect(new Set(statuses)).toContain("deterioration");

    const obs = (await (await app.request("/api/v1/observations?limit=5")).json()) as {
      data: { footnote: string }[];
    };
    expect(obs.data.length).toBeGreaterThan(0);
    for (const o of obs.data) expect(o.footnote).toMatch(/^Eksempeldata/);
    const csv = await (await app.request("/data/observations.csv")).text();
    expect(csv).toContain("Eksempeldata");

    const page = await (await app.request(`/indikatorer/${withBaseline[0]!.id}`)).text();
    expect(page).toContain("Eksempeldata");
    expect(page).not.toContain("Der er endnu ingen målinger");
  });

  it("does nothing the second time", async () => {
    const count = async () => ({
      users: (await org.db.select().from(users).where(eq(users.organisationId, org.organisationId))).length,
      rounds: (
        await org.db.select().from(statusRounds).where(eq(statusRounds.organisationId, org.organisationId))
      ).length,
      submitted: (
        await org.db
          .select()
          .from(statusReports)
          .where(
            and(eq(statusReports.organisationId, org.organisationId), eq(statusReports.state, "submitted")),
          )
      ).length,
    });
    const before = await count();
    const fileBefore = fs.readFileSync(path.join(dataDir, "demo-users.txt"), "utf8");
    const again = await seedDemo(org.ctx(), {
      dataDir,
      baseUrl: "http://localhost:3000",
      print: false,
      logger,
      emailDomain: domain,
    });
    expect(again).toBeNull();
    expect(await count()).toEqual(before);
    expect(fs.readFileSync(path.join(dataDir, "demo-users.txt"), "utf8")).toBe(fileBefore);
  });
});

describe("demo users' login address", () => {
  it("follows PEJL_PUBLIC_URL, else the port the server listens on", () => {
    expect(publicBaseUrl({ PORT: "8080" })).toBe("http://localhost:8080");
    expect(publicBaseUrl({ PORT: "8080", PEJL_PUBLIC_URL: "https://pejl.kk.dk" })).toBe("https://pejl.kk.dk");
    expect(publicBaseUrl({})).toBe("http://localhost:3000");
    expect(demoUsersText([], publicBaseUrl({ PORT: "8080" }))).toContain("http://localhost:8080/admin");
  });
});
