// The authorization matrix through HTTP: the pages and crafted form posts of
// each role. What a role may not see is a 404, what it sees but may not change
// a 403. (The same rules through the commands: src/authz/matrix.test.ts.)
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import {
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../../../test/factories.ts";
import { initiatives } from "../../db/schema.ts";
import { AdminClient } from "./testkit.ts";

type Role = "admin" | "coordinator" | "reporter" | "viewer";

async function world() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org);
  const bif = await buildInitiative(org, policy.id, { administrationId: org.administrationIds.BIF });
  const sof = await buildInitiative(org, policy.id, { administrationId: org.administrationIds.SOF });
  return { org, bif, sof };
}

async function as(org: TestOrganisation, role: Role) {
  const { email, password } = await buildLoginUser(org, role, {
    administrationCode: role === "reporter" ? "BIF" : undefined,
  });
  const client = new AdminClient(await buildTestApp(org));
  const res = await client.login(email, password);
  expect(res.status).toBe(303);
  await client.get("/admin");
  return client;
}

async function titleOf(org: TestOrganisation, id: string) {
  const [row] = await org.db.select().from(initiatives).where(eq(initiatives.id, id));
  return row!.title;
}

const pages: [string, Record<Role, number>][] = [
  ["/admin", { admin: 200, coordinator: 200, reporter: 200, viewer: 200 }],
  ["/admin/import", { admin: 200, coordinator: 200, reporter: 403, viewer: 403 }],
  ["/admin/forslag", { admin: 200, coordinator: 200, reporter: 404, viewer: 404 }],
  ["/admin/log", { admin: 200, coordinator: 200, reporter: 404, viewer: 404 }],
  ["/admin/log.csv", { admin: 200, coordinator: 200, reporter: 404, viewer: 404 }],
];

describe("authorization through HTTP", () => {
  it("each role gets the pages it may use, 403 for what it sees but may not do, 404 for what it may not see", async () => {
    const { org } = await world();
    const actual: Record<string, Record<string, number>> = {};
    for (const role of ["admin", "coordinator", "reporter", "viewer"] as Role[]) {
      const client = await as(org, role);
      for (const [path] of pages) {
        actual[path] ??= {};
        actual[path]![role] = (await client.get(path)).status;
      }
    }
    expect(actual).toEqual(Object.fromEntries(pages));
  });

  it("shows each role only the menu items it may use", async () => {
    const { org } = await world();
    const reporter = await as(org, "reporter");
    expect(reporter.lastHtml).not.toContain('href="/admin/forslag"');
    expect(reporter.lastHtml).toContain("Indberetter, BIF");
    const coordinator = await as(org, "coordinator");
    expect(coordinator.lastHtml).toContain('href="/admin/forslag"');
    expect(coordinator.lastHtml).toContain('href="/admin/import"');
  });

  it("a BIF reporter's crafted editor post against SOF's or BIF's own initiative is a 404; nothing changes", async () => {
    const { org, bif, sof } = await world();
    const reporter = await as(org, "reporter");
    const form = { version: "1", title: "Kapret", fundingStatus: "funded", status: "ongoing" };
    const other = await reporter.post(`/admin/register/initiativer/${sof.id}`, form);
    expect(other.status).toBe(404);
    expect(await other.text()).toContain("Siden findes ikke");
    expect((await reporter.get(`/admin/register/initiativer/${sof.id}`)).status).toBe(404);
    await reporter.get("/admin");
    // Reporters report through their round answers; the registry editors are staff work.
    expect((await reporter.post(`/admin/register/initiativer/${bif.id}`, form)).status).toBe(404);
    expect(await titleOf(org, sof.id)).not.toBe("Kapret");
    expect(await titleOf(org, bif.id)).not.toBe("Kapret");
  });

  it("a reporter's crafted review post is a 404 and accepts nothing", async () => {
    const { org } = await world();
    const reporter = await as(org, "reporter");
    const res = await reporter.post("/admin/forslag/alle", { handling: "accept", antal: "0" });
    expect(res.status).toBe(404);
  });

  it("a viewer may open nothing to edit: the initiative editor is a 404", async () => {
    const { org, sof } = await world();
    const viewer = await as(org, "viewer");
    expect((await viewer.get(`/admin/register/initiativer/${sof.id}`)).status).toBe(404);
  });
});
