import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildOrganisation } from "../../test/factories.ts";
import { loginThrottle } from "../db/schema.ts";
import { emailKey, isThrottled, MAX_FAILURES_PER_EMAIL, purgeThrottle, recordFailure } from "./throttle.ts";

describe("login throttle purge", () => {
  it("removes counts whose window began more than a day ago and keeps the current ones working", async () => {
    const org = await buildOrganisation();
    const now = new Date("2026-03-10T12:00:00Z");
    const old = `old-${randomUUID()}@example.dk`;
    const fresh = `fresh-${randomUUID()}@example.dk`;
    const address = `test-${randomUUID()}`;
    const twoDaysAgo = new Date(now.getTime() - 48 * 3_600_000);
    await recordFailure(org.db, { organisationId: org.organisationId, email: old, address }, twoDaysAgo);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++)
      await recordFailure(
        org.db,
        { organisationId: org.organisationId, email: fresh, address: "unknown" },
        now,
      );

    const removed = await purgeThrottle(org.db, { now, organisationId: org.organisationId });
    // The old e-mail's count and its client address's count.
    expect(removed).toBe(2);
    const left = await org.db
      .select()
      .from(loginThrottle)
      .where(
        inArray(loginThrottle.key, [
          emailKey(org.organisationId, old),
          emailKey(org.organisationId, fresh),
          `address:${address}`,
        ]),
      );
    expect(left.map((r) => r.key)).toEqual([emailKey(org.organisationId, fresh)]);
    // The purge does not lift a lock-out that is still running.
    expect(
      await isThrottled(
        org.db,
        { organisationId: org.organisationId, email: fresh, address: "unknown" },
        now,
      ),
    ).toBe(true);
    expect(await purgeThrottle(org.db, { now, organisationId: org.organisationId })).toBe(0);
  });
});
