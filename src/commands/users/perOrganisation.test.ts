// Users belong to one organisation: the same e-mail can be a user in two, each
// with its own password, and failed logins in one do not lock out the other.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../test/actors.ts";
import { buildOrganisation } from "../../../test/factories.ts";
import { MAX_FAILURES_PER_EMAIL } from "../../auth/throttle.ts";
import { publicActor } from "../../context.ts";
import { sessionCreator } from "../sessionCreator.ts";
import { userCreator } from "../userCreator.ts";

describe("users of two organisations", () => {
  it("share an e-mail as two users, each logging in only to their own with their own password", async () => {
    const [a, b] = [await buildOrganisation(), await buildOrganisation()];
    const email = `faelles-${randomUUID()}@example.dk`;
    const adminA = await buildActor(a, "admin");
    const adminB = await buildActor(b, "admin");
    await userCreator(adminA.ctx, { name: "Anne", email, role: "viewer", password: "kodeord-for-a-123" });
    await userCreator(adminB.ctx, { name: "Anne", email, role: "viewer", password: "kodeord-for-b-456" });
    await expect(
      userCreator(adminA.ctx, { name: "Igen", email, role: "viewer", password: "kodeord-for-a-789" }),
    ).rejects.toMatchObject({ id: "duplicate" });

    const login = (org: typeof a, password: string, address = "10.9.0.1") =>
      sessionCreator(org.ctx(publicActor), { email, password, address });
    expect(await login(a, "kodeord-for-a-123")).toMatchObject({ ok: true });
    expect(await login(a, "kodeord-for-b-456")).toMatchObject({ ok: false });
    expect(await login(b, "kodeord-for-b-456")).toMatchObject({ ok: true });

    // Failures against A's account (from many addresses) leave B's login working.
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL + 1; i++) await login(a, "forkert", `10.9.1.${i}`);
    expect(await login(a, "kodeord-for-a-123", "10.9.2.1")).toMatchObject({ ok: false });
    expect(await login(b, "kodeord-for-b-456", "10.9.2.2")).toMatchObject({ ok: true });
  });
});
