import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../test/factories.ts";
import { auditEvents, initiatives } from "../db/schema.ts";
import { initiativeUpdater } from "./initiativeUpdater.ts";

describe("initiativeUpdater", () => {
  it("updates, bumps the version and writes an audit event with before and after", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const initiative = await buildInitiative(org, policy.id);
    const updated = await initiativeUpdater(org.ctx(), { id: initiative.id, version: 1, title: "Ny titel" });
    expect(updated.title).toBe("Ny titel");
    expect(updated.version).toBe(2);
    const events = await org.db.select().from(auditEvents).where(eq(auditEvents.entityId, initiative.id));
    expect(events).toHaveLength(1);
    expect((events[0]!.before as { title: string }).title).toBe("Rådgivning for LGBTI+-personer");
    expect((events[0]!.after as { title: string }).title).toBe("Ny titel");
  });

  it("refuses a stale version with a conflict and leaves the row as the first writer left it", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const initiative = await buildInitiative(org, policy.id);
    await initiativeUpdater(org.ctx(), { id: initiative.id, version: 1, title: "Første" });
    await expect(
      initiativeUpdater(org.ctx(), { id: initiative.id, version: 1, title: "Anden" }),
    ).rejects.toMatchObject({
      id: "stale_version",
      status: 409,
    });
    const [row] = await org.db.select().from(initiatives).where(eq(initiatives.id, initiative.id));
    expect(row!.title).toBe("Første");
    expect(row!.version).toBe(2);
  });

  it("rejects invalid input with the field named, and an initiative of another organisation is not found", async () => {
    const org = await buildOrganisation();
    const other = await buildOrganisation();
    const policy = await buildPolicy(org);
    const initiative = await buildInitiative(org, policy.id);
    await expect(
      initiativeUpdater(org.ctx(), { id: initiative.id, version: 1, fundingStatus: "free money" }),
    ).rejects.toMatchObject({ id: "validation_failed", message: expect.stringContaining("fundingStatus") });
    await expect(
      initiativeUpdater(other.ctx(), { id: initiative.id, version: 1, title: "x" }),
    ).rejects.toMatchObject({
      id: "not_found",
    });
  });
});
