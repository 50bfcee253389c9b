import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../test/actors.ts";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../test/factories.ts";
import { copenhagenDay } from "../commands/rounds/autoReminder.ts";
import { roundOpener } from "../commands/rounds/roundOpener.ts";
import type { Database } from "../db/client.ts";
import { outbox } from "../db/schema.ts";
import { createLogger } from "../logger.ts";
import { startPeriodicJobs } from "./periodic.ts";

describe("the periodic tick", () => {
  it("queues the automatic reminder of a round due soon and delivers it to the outbox folder", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    await buildInitiative(org, policy.id, { administrationId: org.administrationIds.SOF });
    const reporter = await buildActor(org, "reporter", "SOF");
    const coordinator = await buildActor(org, "coordinator");
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    await roundOpener(coordinator.ctx, {
      policyId: policy.id,
      kind: "annual",
      period: "2025",
      deadline: copenhagenDay(inTwoDays),
      administrations: ["SOF"],
      reminderDaysBefore: 5,
    });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-tick-"));
    const jobs = startPeriodicJobs({
      database: { db: org.db } as Database,
      organisationId: org.organisationId,
      env: { dataDir, MAIL_FROM: "pejl@example.dk", PEJL_TICK_SECONDS: 3600 },
      logger: createLogger("silent"),
    });
    try {
      await jobs.tick();
      await jobs.tick();
    } finally {
      await jobs.stop();
    }
    const rows = await org.db.select().from(outbox).where(eq(outbox.organisationId, org.organisationId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ to: reporter.user.email, kind: "reminder" });
    expect(rows[0]!.sentAt).not.toBeNull();
    const files = fs.readdirSync(path.join(dataDir, "outbox"));
    expect(files).toEqual([expect.stringContaining(rows[0]!.id)]);
  });
});
