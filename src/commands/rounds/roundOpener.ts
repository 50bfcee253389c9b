// Opens a status round for a policy: which administrations take part, the
// deadline, and one answer per initiative and goal of theirs, pre-filled from
// the policy's previous round.
import { and, desc, eq, inArray, isNotNull, ne, or } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import {
  administrations,
  goals,
  initiatives,
  policies,
  roundAdministrations,
  statusReports,
  statusRounds,
} from "../../db/schema.ts";
import { roundKinds } from "../../domain/enums.ts";
import { AppError, notFound, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { REMINDER_SETTING, settingValue } from "../organisation/settings.ts";

export const roundOpenSchema = z.object({
  policyId: z.uuid(),
  kind: z.enum(roundKinds),
  period: z.string().trim().min(4).max(20),
  title: z.string().trim().max(300).optional(),
  deadline: z.iso.date(),
  administrations: z.array(z.string().trim().min(1)).min(1, "choose at least one administration"),
  /** Omitted: the organisation's setting (5 days unless an admin changed it). */
  reminderDaysBefore: z.number().int().min(0).max(60).optional(),
  isExample: z.boolean().default(false),
});
export type RoundOpenInput = z.input<typeof roundOpenSchema>;

export async function roundOpener(ctx: Context, input: RoundOpenInput) {
  const parsed = roundOpenSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  authorize(ctx.actor, "manage", { entity: "statusRound" });
  return inTransaction(ctx, async (tx) => {
    const data = {
      ...parsed.data,
      reminderDaysBefore: parsed.data.reminderDaysBefore ?? (await settingValue(tx, REMINDER_SETTING)),
    };
    const org = tx.organisationId;
    const [policy] = await tx.db
      .select()
      .from(policies)
      .where(and(eq(policies.id, data.policyId), eq(policies.organisationId, org)));
    if (!policy) throw notFound("The policy");
    const adminRows = await tx.db
      .select()
      .from(administrations)
      .where(
        and(eq(administrations.organisationId, org), inArray(administrations.code, data.administrations)),
      );
    const unknown = data.administrations.filter((code) => !adminRows.some((a) => a.code === code));
    if (unknown.length)
      throw new AppError("validation_failed", `Unknown administration code(s): ${unknown.join(", ")}.`);
    const adminIds = adminRows.map((a) => a.id);

    const [round] = await tx.db
      .insert(statusRounds)
      .values({
        organisationId: org,
        policyId: policy.id,
        kind: data.kind,
        period: data.period,
        title: data.title ?? null,
        deadline: data.deadline,
        state: "open",
        reminderDaysBefore: data.reminderDaysBefore,
        isExample: data.isExample,
        openedAt: new Date().toISOString(),
      })
      .returning();
    await tx.db
      .insert(roundAdministrations)
      .values(
        adminIds.map((administrationId) => ({ organisationId: org, roundId: round!.id, administrationId })),
      );

    // The policy and its action plans: initiatives and goals of the participating administrations.
    const children = await tx.db
      .select({ id: policies.id })
      .from(policies)
      .where(and(eq(policies.organisationId, org), eq(policies.parentPolicyId, policy.id)));
    const policyIds = [policy.id, ...children.map((c) => c.id)];
    const items = await tx.db
      .select({ id: initiatives.id, administrationId: initiatives.administrationId })
      .from(initiatives)
      .where(
        and(
          eq(initiatives.organisationId, org),
          inArray(initiatives.policyId, policyIds),
          inArray(initiatives.administrationId, adminIds),
          ne(initiatives.status, "cancelled"),
        ),
      );
    const goalItems = await tx.db
      .select({ id: goals.id, administrationId: goals.administrationId })
      .from(goals)
      .where(
        and(
          eq(goals.organisationId, org),
          inArray(goals.policyId, policyIds),
          isNotNull(goals.administrationId),
          inArray(goals.administrationId, adminIds),
        ),
      );

    const previous = await previousAnswers(tx, policy.id, round!.id);
    const rows = [
      ...items.map((i) => ({ initiativeId: i.id, goalId: null, administrationId: i.administrationId! })),
      ...goalItems.map((g) => ({ initiativeId: null, goalId: g.id, administrationId: g.administrationId! })),
    ].map((item) => {
      const last = previous.get(item.initiativeId ?? item.goalId!);
      return {
        organisationId: org,
        roundId: round!.id,
        ...item,
        state: "draft",
        rating: last?.rating ?? null,
        progressPct: last?.progressPct ?? null,
        narrative: last?.narrative ?? null,
      };
    });
    if (rows.length) await tx.db.insert(statusReports).values(rows);
    await recordAudit(tx, {
      action: "round.open",
      entity: "status_round",
      entityId: round!.id,
      after: { ...data, items: rows.length },
    });
    return { ...round!, items: rows.length };
  });
}

/** The last locked round of the same policy: its answers pre-fill the new one. */
async function previousAnswers(ctx: Context, policyId: string, exceptRoundId: string) {
  const [last] = await ctx.db
    .select({ id: statusRounds.id })
    .from(statusRounds)
    .where(
      and(
        eq(statusRounds.policyId, policyId),
        ne(statusRounds.id, exceptRoundId),
        or(eq(statusRounds.state, "locked"), eq(statusRounds.state, "in_review")),
      ),
    )
    .orderBy(desc(statusRounds.openedAt))
    .limit(1);
  const answers = new Map<
    string,
    { rating: string | null; progressPct: number | null; narrative: string | null }
  >();
  if (!last) return answers;
  const rows = await ctx.db.select().from(statusReports).where(eq(statusReports.roundId, last.id));
  for (const r of rows) answers.set(r.initiativeId ?? r.goalId!, r);
  return answers;
}
