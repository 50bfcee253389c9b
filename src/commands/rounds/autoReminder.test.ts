import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../test/actors.ts";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../../test/factories.ts";
import { auditEvents, outbox, roundAdministrations, statusRounds } from "../../db/schema.ts";
import { roundAnswers } from "../../queries/rounds/answers.ts";
import { autoReminder, copenhagenDay, reminderDue } from "./autoReminder.ts";
import { reminderSender } from "./reminderSender.ts";
import { roundOpener } from "./roundOpener.ts";
import { statusReportSaver } from "./statusReportSaver.ts";

/** A round with a deadline of 31 January 2026, reminding 5 days before; BIF has answered, SOF has not. */
async function roundWithOneLateAdministration() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org, { title: "Politik for LGBTI+-personer" });
  await buildInitiative(org, policy.id, { title: "Jobmentor", administrationId: org.administrationIds.BIF });
  await buildInitiative(org, policy.id, { title: "Rådgivning", administrationId: org.administrationIds.SOF });
  await buildInitiative(org, policy.id, { title: "Bibliotek", administrationId: org.administrationIds.KFF });
  const coordinator = await buildActor(org, "coordinator");
  const round = await roundOpener(coordinator.ctx, {
    policyId: policy.id,
    kind: "annual",
    period: "2025",
    title: "Årlig status 2025",
    deadline: "2026-01-31",
    administrations: ["BIF", "SOF"],
    reminderDaysBefore: 5,
  });
  const bif = await buildActor(org, "reporter", "BIF");
  const sof = await buildActor(org, "reporter", "SOF");
  const kff = await buildActor(org, "reporter", "KFF");
  const [bifAnswer] = await roundAnswers(bif.ctx, round.id);
  await statusReportSaver(bif.ctx, {
    id: bifAnswer!.report.id,
    version: 1,
    rating: "on_track",
    submit: true,
  });
  return { org, round, coordinator, bif, sof, kff };
}

const mails = (orgId: string, db: Awaited<ReturnType<typeof buildOrganisation>>["db"]) =>
  db.select().from(outbox).where(eq(outbox.organisationId, orgId));

describe("automatic reminders", () => {
  it("knows the Copenhagen day and the reminder window", () => {
    // 23:30 UTC on 25 January is already the 26th in Copenhagen.
    expect(copenhagenDay(new Date("2026-01-25T23:30:00Z"))).toBe("2026-01-26");
    const round = { deadline: "2026-01-31", reminderDaysBefore: 5 };
    expect(reminderDue(round, "2026-01-25")).toBe(false);
    expect(reminderDue(round, "2026-01-26")).toBe(true);
    expect(reminderDue(round, "2026-01-31")).toBe(true);
    expect(reminderDue(round, "2026-02-01")).toBe(false);
  });

  it("reminds only the late administration's reporters, N days before the deadline, once per round", async () => {
    const { org, round, sof } = await roundWithOneLateAdministration();
    const ctx = org.ctx();

    // Six days before: nothing yet.
    expect(await autoReminder(ctx, { now: new Date("2026-01-25T09:00:00Z") })).toEqual([]);
    expect(await mails(org.organisationId, org.db)).toHaveLength(0);

    // Five days before: one message, to SOF's reporter (BIF has answered, KFF does not take part).
    const sent = await autoReminder(ctx, { now: new Date("2026-01-26T09:00:00Z") });
    expect(sent).toEqual([{ roundId: round.id, administrations: 1, messages: 1, withoutReporters: [] }]);
    const queued = await mails(org.organisationId, org.db);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ to: sof.user.email, kind: "reminder", sentAt: null });
    expect(queued[0]!.subject).toContain("31. januar 2026");
    expect(queued[0]!.body).toContain("Årlig status 2025");
    expect(queued[0]!.body).toContain("Socialforvaltningen");
    expect(queued[0]!.body).toMatch(/https?:\/\/[^\s]+\/admin\/indmeldinger/);

    const [row] = await org.db.select().from(statusRounds).where(eq(statusRounds.id, round.id));
    expect(Date.parse(row!.autoReminderSentAt!)).toBe(Date.parse("2026-01-26T09:00:00Z"));
    const reminded = await org.db
      .select()
      .from(roundAdministrations)
      .where(eq(roundAdministrations.roundId, round.id));
    const byAdmin = Object.fromEntries(reminded.map((r) => [r.administrationId, r.lastReminderAt]));
    expect(byAdmin[org.administrationIds.SOF!]).not.toBeNull();
    expect(byAdmin[org.administrationIds.BIF!]).toBeNull();
    const [event] = await org.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, round.id), eq(auditEvents.action, "round.auto_remind")));
    expect(event).toBeDefined();

    // The next ticks, the same day and the day after, send nothing more.
    expect(await autoReminder(ctx, { now: new Date("2026-01-26T10:00:00Z") })).toEqual([]);
    expect(await autoReminder(ctx, { now: new Date("2026-01-27T09:00:00Z") })).toEqual([]);
    expect(await mails(org.organisationId, org.db)).toHaveLength(1);
  });

  it("sends nothing after the deadline or for a round that is not open", async () => {
    const { org, round, coordinator } = await roundWithOneLateAdministration();
    expect(await autoReminder(org.ctx(), { now: new Date("2026-02-02T09:00:00Z") })).toEqual([]);
    await org.db.update(statusRounds).set({ state: "in_review" }).where(eq(statusRounds.id, round.id));
    expect(await autoReminder(org.ctx(), { now: new Date("2026-01-28T09:00:00Z") })).toEqual([]);
    await expect(reminderSender(coordinator.ctx, { roundId: round.id })).rejects.toMatchObject({
      id: "invalid_state",
    });
    expect(await mails(org.organisationId, org.db)).toHaveLength(0);
  });

  it("on demand: a coordinator's reminder goes to the outbox as a reminder; a reporter may not send one", async () => {
    const { org, round, coordinator, bif, sof } = await roundWithOneLateAdministration();
    await expect(reminderSender(bif.ctx, { roundId: round.id })).rejects.toBeDefined();
    expect(await reminderSender(coordinator.ctx, { roundId: round.id })).toEqual({
      administrations: 1,
      messages: 1,
      withoutReporters: [],
    });
    const [mail] = await mails(org.organisationId, org.db);
    expect(mail).toMatchObject({ to: sof.user.email, kind: "reminder" });
    expect(mail!.body).toContain("1 indmelding ");
    expect(mail!.body).toContain("/admin/indmeldinger");
    const reminded = await org.db
      .select()
      .from(roundAdministrations)
      .where(eq(roundAdministrations.roundId, round.id));
    const at = Object.fromEntries(reminded.map((r) => [r.administrationId, r.lastReminderAt]));
    expect(at[org.administrationIds.SOF!]).not.toBeNull();
    expect(at[org.administrationIds.BIF!]).toBeNull();
  });
});
