import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildLoginUser, buildOrganisation } from "../../test/factories.ts";
import { verifyPassword } from "../auth/password.ts";
import { createSession } from "../auth/session.ts";
import { auditEvents, sessions, users } from "../db/schema.ts";
import { passwordResetter } from "./passwordResetter.ts";

describe("passwordResetter", () => {
  it("sets the new password, lifts a lock-out and ends the user's sessions, with an audit event without the password", async () => {
    const org = await buildOrganisation();
    const { email, user } = await buildLoginUser(org, "coordinator");
    await createSession(org.db, { organisationId: org.organisationId, userId: user.id });
    await org.db
      .update(users)
      .set({ failedLogins: 3, lockedUntil: new Date(Date.now() + 600_000).toISOString() })
      .where(eq(users.id, user.id));
    const result = await passwordResetter(org.ctx(), { email, password: "en-helt-ny-adgangskode" });
    expect(result.sessionsEnded).toBe(1);
    const [row] = await org.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.passwordHash!, "en-helt-ny-adgangskode")).toBe(true);
    expect(row!.lockedUntil).toBeNull();
    expect(row!.failedLogins).toBe(0);
    expect(await org.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const events = await org.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(events.map((e) => e.action)).toContain("user.password_reset");
    expect(JSON.stringify(events)).not.toContain("en-helt-ny-adgangskode");
  });

  it("refuses a short password and leaves the old one", async () => {
    const org = await buildOrganisation();
    const { email, password, user } = await buildLoginUser(org, "viewer");
    await expect(passwordResetter(org.ctx(), { email, password: "kort" })).rejects.toMatchObject({
      id: "validation_failed",
    });
    const [row] = await org.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.passwordHash!, password)).toBe(true);
  });
});
