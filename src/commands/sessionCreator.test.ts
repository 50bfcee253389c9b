import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildLoginUser, buildOrganisation } from "../../test/factories.ts";
import { findSession } from "../auth/session.ts";
import { MAX_FAILURES_PER_ADDRESS } from "../auth/throttle.ts";
import { publicActor } from "../context.ts";
import { sessions, users } from "../db/schema.ts";
import { sessionCreator } from "./sessionCreator.ts";

describe("sessionCreator (login)", () => {
  it("opens a session for the right password and resets the failure count", async () => {
    const org = await buildOrganisation();
    const { email, password, user } = await buildLoginUser(org, "coordinator");
    const ctx = org.ctx(publicActor);
    await sessionCreator(ctx, { email, password: "forkert-1", address: "10.0.0.1" });
    const result = await sessionCreator(ctx, { email: email.toUpperCase(), password, address: "10.0.0.1" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await findSession(org.db, org.organisationId, result.token);
    expect(session?.userId).toBe(user.id);
    expect(session?.csrfToken).toBe(result.csrfToken);
    const [row] = await org.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.failedLogins).toBe(0);
    expect(row!.lastLoginAt).not.toBeNull();
  });

  it("limits attempts per client address across many e-mail addresses", async () => {
    const org = await buildOrganisation();
    const { email, password } = await buildLoginUser(org, "coordinator");
    const ctx = org.ctx(publicActor);
    const address = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      await sessionCreator(ctx, { email: `gaet-${i}@example.dk`, password: "x", address });
    expect(await sessionCreator(ctx, { email, password, address })).toEqual({
      ok: false,
      reason: "throttled",
    });
    // The same user from another address is not held back by that.
    expect((await sessionCreator(ctx, { email, password, address: "10.9.9.9" })).ok).toBe(true);
  });

  it("counts an unknown e-mail like a known one, so the answers do not tell which exist", async () => {
    const org = await buildOrganisation();
    const ctx = org.ctx(publicActor);
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push(
        await sessionCreator(ctx, { email: "findes-ikke@example.dk", password: "x", address: "10.2.0.1" }),
      );
    expect(answers.slice(0, 5).every((a) => !a.ok && a.reason === "invalid")).toBe(true);
    expect(answers[5]).toEqual({ ok: false, reason: "throttled" });
  });

  it("refuses a disabled user with the same answer as a wrong password", async () => {
    const org = await buildOrganisation();
    const { email, password, user } = await buildLoginUser(org, "admin");
    await org.db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await sessionCreator(org.ctx(publicActor), { email, password, address: "10.3.0.1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await org.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it("does not log a user of one organisation into another", async () => {
    const org = await buildOrganisation();
    const other = await buildOrganisation();
    const { email, password } = await buildLoginUser(org, "admin");
    expect((await sessionCreator(other.ctx(publicActor), { email, password, address: "10.4.0.1" })).ok).toBe(
      false,
    );
  });
});
