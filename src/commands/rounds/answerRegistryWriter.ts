// An accepted answer keeps the registry current: the year's indicator values
// become observations for the round's period, and the annual-target actuals are
// written on the targets. Runs inside the reviewer's transaction, so an answer is
// never accepted without its numbers reaching the registry (or the reverse).
// Spend (DKK, FTE) stays in the answer only: budget_lines hold planned amounts and
// funding status, and the schema has no column for actual spend.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { annualTargets, indicators, observations, type statusReports } from "../../db/schema.ts";
import { normalizePeriod, parsePeriod, periodYear } from "../../domain/period.ts";
import type { AnswerNumbers } from "../../reports/roundAnswers.ts";
import { type AuditInput, recordAudits } from "../audit.ts";

export interface RegistryChange {
  entity: "observation" | "annual_target";
  id: string;
  action: "create" | "update";
  indicatorId?: string;
  period?: string;
  value: number;
  n?: number | null;
  previousValue?: number | null;
}

interface Round {
  period: string;
  title: string | null;
}

/** The source written on observations that came from a round's answer. */
export function roundSource(round: Round): string {
  return `Statusrunde ${round.title ?? round.period}`;
}

export async function writeAnswerToRegistry(
  tx: Context,
  report: typeof statusReports.$inferSelect,
  round: Round,
): Promise<RegistryChange[]> {
  const numbers = (report.numbers ?? {}) as AnswerNumbers;
  const changes: RegistryChange[] = [];
  const audits: AuditInput[] = [];
  const normalized = normalizePeriod(round.period);
  const period = normalized.ok ? normalized.value : round.period;
  const parsed = parsePeriod(period);
  const year = parsed.ok ? periodYear(parsed.value) : Number.parseInt(period.slice(-4), 10);

  // Only the answer's own goal's indicators: the JSON came from a form, and the
  // coordinator approves this subject, not whatever ids it might hold.
  const reported = (numbers.observations ?? []).filter((o) => typeof o.value === "number");
  if (report.goalId && reported.length) {
    const allowed = await tx.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(
        and(
          eq(indicators.organisationId, tx.organisationId),
          eq(indicators.goalId, report.goalId),
          inArray(
            indicators.id,
            reported.map((o) => o.indicatorId),
          ),
        ),
      );
    const allowedIds = new Set(allowed.map((a) => a.id));
    for (const o of reported) {
      if (!allowedIds.has(o.indicatorId)) continue;
      const values = { value: o.value, n: o.n ?? null, source: roundSource(round), year };
      const [existing] = await tx.db
        .select()
        .from(observations)
        .where(
          and(
            eq(observations.organisationId, tx.organisationId),
            eq(observations.indicatorId, o.indicatorId),
            eq(observations.period, period),
            eq(observations.disaggregation, ""),
          ),
        )
        .for("update");
      if (existing) {
        const [after] = await tx.db
          .update(observations)
          .set({ ...values, version: sql`${observations.version} + 1`, updatedAt: sql`now()` })
          .where(eq(observations.id, existing.id))
          .returning();
        changes.push({
          entity: "observation",
          id: existing.id,
          action: "update",
          indicatorId: o.indicatorId,
          period,
          value: o.value,
          n: values.n,
          previousValue: existing.value,
        });
        audits.push({
          action: "observation.update",
          entity: "observation",
          entityId: existing.id,
          before: existing,
          after,
        });
      } else {
        const [after] = await tx.db
          .insert(observations)
          .values({ organisationId: tx.organisationId, indicatorId: o.indicatorId, period, ...values })
          .returning();
        changes.push({
          entity: "observation",
          id: after!.id,
          action: "create",
          indicatorId: o.indicatorId,
          period,
          value: o.value,
          n: values.n,
        });
        audits.push({ action: "observation.create", entity: "observation", entityId: after!.id, after });
      }
    }
  }

  // The initiative's targets for the round's year (or for the whole period), as the form offered them.
  const actuals = (numbers.annualTargets ?? []).filter((t) => typeof t.actualValue === "number");
  if (report.initiativeId && actuals.length) {
    const targets = await tx.db
      .select()
      .from(annualTargets)
      .where(
        and(
          eq(annualTargets.organisationId, tx.organisationId),
          eq(annualTargets.initiativeId, report.initiativeId),
          inArray(
            annualTargets.id,
            actuals.map((t) => t.id),
          ),
          or(isNull(annualTargets.year), eq(annualTargets.year, year)),
        ),
      )
      .for("update");
    for (const target of targets) {
      const value = actuals.find((t) => t.id === target.id)!.actualValue as number;
      if (target.actualValue === value) continue;
      const [after] = await tx.db
        .update(annualTargets)
        .set({ actualValue: value, version: sql`${annualTargets.version} + 1`, updatedAt: sql`now()` })
        .where(eq(annualTargets.id, target.id))
        .returning();
      changes.push({
        entity: "annual_target",
        id: target.id,
        action: "update",
        value,
        previousValue: target.actualValue,
      });
      audits.push({
        action: "annual_target.update",
        entity: "annual_target",
        entityId: target.id,
        before: target,
        after,
      });
    }
  }
  if (audits.length) await recordAudits(tx, audits);
  return changes;
}
