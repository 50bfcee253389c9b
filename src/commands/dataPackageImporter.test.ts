import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildEmptyOrganisation } from "../../test/factories.ts";
import { eksempelkommuneDir } from "../../test/fixtures/datapackage/helpers.ts";
import { type Actor, publicActor } from "../context.ts";
import { auditEvents, policies } from "../db/schema.ts";
import type { Role } from "../domain/enums.ts";
import { dataPackageImporter } from "./dataPackageImporter.ts";

const user = (role: Role): Actor => ({
  kind: "user",
  userId: randomUUID(),
  label: `${role}@eksempel.dk`,
  grants: [{ role, administrationId: null }],
});

describe("dataPackageImporter", () => {
  it("lets an admin import, with one audit event naming the admin", async () => {
    const org = await buildEmptyOrganisation();
    const admin = user("admin");
    const result = await dataPackageImporter(org.ctx(admin), { dir: eksempelkommuneDir });
    expect(result.resources.policies).toEqual({ rows: 2, inserted: 2, updated: 0 });
    const events = await org.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organisationId, org.organisationId),
          eq(auditEvents.action, "data_package.import"),
        ),
      );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorLabel: "admin@eksempel.dk",
      entity: "organisation",
      entityId: org.organisationId,
    });
  });

  it("refuses coordinators, the public and a missing folder, and writes nothing", async () => {
    const org = await buildEmptyOrganisation();
    // Refused as forbidden, or as not found where the rules hide organisation management.
    const refusal = await dataPackageImporter(org.ctx(user("coordinator")), {
      dir: eksempelkommuneDir,
    }).catch((e) => e);
    expect(["forbidden", "not_found"]).toContain(refusal.id);
    await expect(
      dataPackageImporter(org.ctx(publicActor), { dir: eksempelkommuneDir }),
    ).rejects.toMatchObject({
      id: "unauthenticated",
    });
    await expect(dataPackageImporter(org.ctx(), { dir: "" })).rejects.toMatchObject({
      id: "validation_failed",
    });
    await expect(dataPackageImporter(org.ctx(), { dir: "/nonexistent/pejl" })).rejects.toMatchObject({
      id: "bad_package",
      message: expect.stringContaining("datapackage.json: is missing from /nonexistent/pejl"),
    });
    expect(
      await org.db.select().from(policies).where(eq(policies.organisationId, org.organisationId)),
    ).toEqual([]);
  });
});
