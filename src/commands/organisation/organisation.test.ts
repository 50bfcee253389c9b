// The admin's own commands: administrations and committees (add, rename with a
// version, no duplicate codes, no delete of one in use) and settings (range,
// version, and that the readers of inquiries and rounds follow them).
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../test/actors.ts";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../../test/factories.ts";
import { administrations, auditEvents, committees } from "../../db/schema.ts";
import { councilNameOf } from "../../organisation.ts";
import { inquiryDueWorkingDays } from "../../queries/organisation/settings.ts";
import { roundOpener } from "../rounds/roundOpener.ts";
import { administrationSaver } from "./administrationSaver.ts";
import { committeeSaver } from "./committeeSaver.ts";
import { councilNameSaver } from "./councilNameSaver.ts";
import { settingSaver } from "./settingSaver.ts";
import { unitDeleter } from "./unitDeleter.ts";

async function setup() {
  const org = await buildOrganisation();
  const admin = await buildActor(org, "admin");
  return { org, admin };
}

describe("administrations and committees", () => {
  it("adds one with its code in capitals, renames it by version, and audits both", async () => {
    const { org, admin } = await setup();
    const added = await administrationSaver(admin.ctx, { code: " ehf ", name: "Ejendomsforvaltningen" });
    expect(added.code).toBe("EHF");
    const renamed = await administrationSaver(admin.ctx, {
      id: added.id,
      version: added.version,
      code: "EJF",
      name: "Ejendoms- og Havneforvaltningen",
    });
    expect(renamed).toMatchObject({ code: "EJF", version: added.version + 1 });
    const audit = await org.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, org.organisationId), eq(auditEvents.entityId, added.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["administration.create", "administration.update"]);
  });

  it("refuses a stale version, a code in use and anyone but an admin (as not found), writing nothing", async () => {
    const { org, admin } = await setup();
    const id = org.committeeIds.ØU!;
    const [row] = await org.db.select().from(committees).where(eq(committees.id, id));
    await committeeSaver(admin.ctx, { id, version: row!.version, code: "ØKU", name: "Økonomiudvalget" });
    await expect(
      committeeSaver(admin.ctx, { id, version: row!.version, code: "ØU", name: "Gammelt navn" }),
    ).rejects.toMatchObject({ id: "stale_version" });
    await expect(
      administrationSaver(admin.ctx, { code: "bif", name: "Endnu en beskæftigelsesforvaltning" }),
    ).rejects.toMatchObject({
      id: "duplicate",
      danish: expect.stringContaining("Koden BIF bruges allerede"),
    });
    const coordinator = await buildActor(org, "coordinator");
    await expect(
      administrationSaver(coordinator.ctx, { code: "NYF", name: "Ny forvaltning" }),
    ).rejects.toMatchObject({ id: "not_found" });
    await expect(administrationSaver(admin.ctx, { code: "X", name: "For kort kode" })).rejects.toMatchObject({
      id: "validation_failed",
    });
    const rows = await org.db
      .select()
      .from(administrations)
      .where(eq(administrations.organisationId, org.organisationId));
    expect(rows).toHaveLength(7);
    const [after] = await org.db.select().from(committees).where(eq(committees.id, id));
    expect(after!.name).toBe("Økonomiudvalget");
  });

  it("deletes one nothing uses and keeps one in use, saying in Danish what uses it", async () => {
    const { org, admin } = await setup();
    const policy = await buildPolicy(org);
    await buildInitiative(org, policy.id, { administrationId: org.administrationIds.SOF });
    const [sof] = await org.db
      .select()
      .from(administrations)
      .where(eq(administrations.id, org.administrationIds.SOF!));
    const refused = unitDeleter(admin.ctx, "administration", { id: sof!.id, version: sof!.version });
    await expect(refused).rejects.toMatchObject({
      id: "invalid_state",
      danish: expect.stringMatching(/SOF kan ikke slettes, fordi 1 initiativ henviser/),
    });
    const unused = await administrationSaver(admin.ctx, { code: "TMP", name: "Midlertidig forvaltning" });
    await unitDeleter(admin.ctx, "administration", { id: unused.id, version: unused.version });
    const left = await org.db.select().from(administrations).where(eq(administrations.id, unused.id));
    expect(left).toHaveLength(0);
    expect(await org.db.select().from(administrations).where(eq(administrations.id, sof!.id))).toHaveLength(
      1,
    );
  });
});

describe("the council's name", () => {
  it("is kommunalbestyrelsen until the admin names it, by version, audited; a bad name or actor changes nothing", async () => {
    const { org, admin } = await setup();
    const start = await councilNameOf(org.db, org.organisationId);
    expect(start.councilName).toBe("kommunalbestyrelsen");
    const saved = await councilNameSaver(admin.ctx, { councilName: " byrådet ", version: start.version });
    expect(saved).toEqual({ councilName: "byrådet", version: start.version + 1 });
    await expect(
      councilNameSaver(admin.ctx, { councilName: "Borgerrepræsentationen", version: start.version }),
    ).rejects.toMatchObject({ id: "stale_version" });
    for (const councilName of ["", "x", "by\nrådet", "B".repeat(81)])
      await expect(
        councilNameSaver(admin.ctx, { councilName, version: saved.version }),
      ).rejects.toMatchObject({
        id: "validation_failed",
      });
    const coordinator = await buildActor(org, "coordinator");
    await expect(
      councilNameSaver(coordinator.ctx, { councilName: "Borgerrepræsentationen", version: saved.version }),
    ).rejects.toMatchObject({ id: "not_found" });
    expect(await councilNameOf(org.db, org.organisationId)).toEqual(saved);
    const events = await org.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organisationId, org.organisationId),
          eq(auditEvents.action, "organisation.update"),
        ),
      );
    expect(events.map((e) => e.after)).toEqual([{ councilName: "byrådet", version: saved.version }]);
  });
});

describe("settings", () => {
  it("saves the inquiry due days by version, which the due-date rule then follows", async () => {
    const { org, admin } = await setup();
    expect(await inquiryDueWorkingDays(admin.ctx)).toBe(10);
    const first = await settingSaver(admin.ctx, { key: "inquiry_due_working_days", value: 15, version: 0 });
    expect(first.version).toBe(1);
    expect(await inquiryDueWorkingDays(admin.ctx)).toBe(15);
    await expect(
      settingSaver(admin.ctx, { key: "inquiry_due_working_days", value: 20, version: 0 }),
    ).rejects.toMatchObject({ id: "stale_version" });
    for (const value of [0, 61, 2.5])
      await expect(
        settingSaver(admin.ctx, { key: "inquiry_due_working_days", value, version: 1 }),
      ).rejects.toMatchObject({ id: "validation_failed" });
    const coordinator = await buildActor(org, "coordinator");
    await expect(
      settingSaver(coordinator.ctx, { key: "inquiry_due_working_days", value: 3, version: 1 }),
    ).rejects.toMatchObject({ id: "not_found" });
    expect(await inquiryDueWorkingDays(admin.ctx)).toBe(15);
  });

  it("gives a round opened without a reminder the organisation's reminder days", async () => {
    const { org, admin } = await setup();
    await settingSaver(admin.ctx, { key: "round_reminder_days_before", value: 12, version: 0 });
    const policy = await buildPolicy(org);
    const coordinator = await buildActor(org, "coordinator");
    const open = (reminderDaysBefore?: number) =>
      roundOpener(coordinator.ctx, {
        policyId: policy.id,
        kind: "annual",
        period: "2025",
        deadline: "2026-01-31",
        administrations: ["BIF"],
        reminderDaysBefore,
      });
    expect((await open()).reminderDaysBefore).toBe(12);
    expect((await open(3)).reminderDaysBefore).toBe(3);
  });
});
