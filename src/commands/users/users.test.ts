// User management commands: admins only, audited, and never against oneself.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../test/actors.ts";
import { buildOrganisation } from "../../../test/factories.ts";
import { auditEvents, roleAssignments, sessions, users } from "../../db/schema.ts";
import { userCreator } from "../userCreator.ts";
import { roleAssigner } from "./roleAssigner.ts";
import { userDisabler } from "./userDisabler.ts";

describe("user management commands", () => {
  it("roleAssigner replaces a user's roles, needs an administration for a reporter, and audits before/after", async () => {
    const org = await buildOrganisation();
    const admin = await buildActor(org, "admin");
    const { user } = await buildActor(org, "viewer");
    await expect(
      roleAssigner(admin.ctx, { userId: user.id, role: "reporter", administration: null }),
    ).rejects.toMatchObject({ id: "validation_failed" });
    await expect(
      roleAssigner(admin.ctx, { userId: user.id, role: "reporter", administration: "XYZ" }),
    ).rejects.toMatchObject({ id: "validation_failed" });
    await roleAssigner(admin.ctx, { userId: user.id, role: "reporter", administration: "TMF" });
    const grants = await org.db.select().from(roleAssignments).where(eq(roleAssignments.userId, user.id));
    expect(grants).toMatchObject([{ role: "reporter", administrationId: org.administrationIds.TMF }]);
    const [event] = await org.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(event).toMatchObject({
      action: "user.role",
      before: { roles: [{ role: "viewer", administrationId: null }] },
      after: { role: "reporter", administration: "TMF" },
    });
  });

  it("userCreator refuses an administration code the organisation does not have, and adds no user", async () => {
    const org = await buildOrganisation();
    const admin = await buildActor(org, "admin");
    const email = `ny-${org.organisationId.slice(0, 8)}@example.dk`;
    const input = { name: "Ny", email, role: "reporter", password: "rigtig-hest-batteri" };
    await expect(userCreator(admin.ctx, { ...input, administration: "XYZ" })).rejects.toMatchObject({
      id: "validation_failed",
      details: [{ path: "administration" }],
    });
    expect(await org.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    await userCreator(admin.ctx, { ...input, administration: "TMF" });
    const [created] = await org.db.select().from(users).where(eq(users.email, email));
    const grants = await org.db.select().from(roleAssignments).where(eq(roleAssignments.userId, created!.id));
    expect(grants).toMatchObject([{ role: "reporter", administrationId: org.administrationIds.TMF }]);
  });

  it("only an admin manages users, and not their own role or access", async () => {
    const org = await buildOrganisation();
    const admin = await buildActor(org, "admin");
    const coordinator = await buildActor(org, "coordinator");
    const { user } = await buildActor(org, "viewer");
    await expect(
      roleAssigner(coordinator.ctx, { userId: user.id, role: "admin", administration: null }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(userDisabler(coordinator.ctx, { userId: user.id, disabled: true })).rejects.toMatchObject({
      status: 404,
    });
    await expect(userDisabler(admin.ctx, { userId: admin.user.id, disabled: true })).rejects.toMatchObject({
      id: "invalid_state",
    });
    await expect(
      roleAssigner(admin.ctx, { userId: admin.user.id, role: "viewer", administration: null }),
    ).rejects.toMatchObject({ id: "invalid_state" });
    const [row] = await org.db.select().from(users).where(eq(users.id, admin.user.id));
    expect(row!.disabled).toBe(false);
  });

  it("userDisabler disables (ending sessions) and enables; another organisation's user is not found", async () => {
    const org = await buildOrganisation();
    const admin = await buildActor(org, "admin");
    const { user } = await buildActor(org, "viewer");
    await org.db.insert(sessions).values({
      id: "x".repeat(64),
      organisationId: org.organisationId,
      userId: user.id,
      csrfToken: "t",
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await userDisabler(admin.ctx, { userId: user.id, disabled: true });
    expect(await org.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    await userDisabler(admin.ctx, { userId: user.id, disabled: false });
    const [row] = await org.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.disabled).toBe(false);
    const elsewhere = await buildOrganisation();
    const stranger = await buildActor(elsewhere, "viewer");
    await expect(userDisabler(admin.ctx, { userId: stranger.user.id, disabled: true })).rejects.toMatchObject(
      {
        id: "not_found",
      },
    );
  });
});
