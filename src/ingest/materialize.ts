// Turns accepted candidates into registry rows, with their provenance. Parents
// are materialized before children; a candidate whose parent was rejected or is
// still pending cannot be accepted on its own.
import { and, eq, inArray } from "drizzle-orm";
import type { Context } from "../context.ts";
import {
  administrations,
  annualTargets,
  budgetLines,
  candidates,
  committees,
  documents,
  goalCommittees,
  goals,
  hearingResponses,
  indicators,
  initiativeGoals,
  initiatives,
  inquiries,
  observations,
  policies,
  provenance,
  themes,
} from "../db/schema.ts";
import { parsePeriod, periodYear } from "../domain/period.ts";
import { uniqueSlug } from "../domain/slug.ts";
import { AppError } from "../errors.ts";

type CandidateRow = typeof candidates.$inferSelect;

export const entityDepth: Record<string, number> = {
  document: 0,
  inquiry: 0,
  hearing_response: 0,
  policy: 1,
  theme: 2,
  goal: 3,
  initiative: 3,
  indicator: 4,
  budget_line: 4,
  annual_target: 4,
  observation: 5,
};

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);
const int = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : null;
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
const day = (v: unknown): string | null =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;

export class Materializer {
  private codes?: { admin: Map<string, string>; committee: Map<string, string> };
  private slugs?: Set<string>;

  constructor(
    private readonly ctx: Context,
    private readonly documentId: string,
  ) {}

  private async lookups() {
    if (!this.codes) {
      const org = this.ctx.organisationId;
      const [a, c] = await Promise.all([
        this.ctx.db.select().from(administrations).where(eq(administrations.organisationId, org)),
        this.ctx.db.select().from(committees).where(eq(committees.organisationId, org)),
      ]);
      this.codes = {
        admin: new Map(a.map((r) => [r.code, r.id])),
        committee: new Map(c.map((r) => [r.code, r.id])),
      };
    }
    return this.codes;
  }

  private async slug(title: string) {
    if (!this.slugs) {
      const rows = await this.ctx.db
        .select({ slug: policies.slug })
        .from(policies)
        .where(eq(policies.organisationId, this.ctx.organisationId));
      this.slugs = new Set(rows.map((r) => r.slug));
    }
    const slug = uniqueSlug(title, this.slugs);
    this.slugs.add(slug);
    return slug;
  }

  private known?: Map<string, { id: string | null; entity: string; state: string }>;

  private async ensureKnown() {
    if (!this.known) {
      const rows = await this.ctx.db
        .select({
          key: candidates.key,
          id: candidates.acceptedEntityId,
          entity: candidates.entity,
          state: candidates.state,
        })
        .from(candidates)
        .where(eq(candidates.documentId, this.documentId));
      this.known = new Map(rows.map((r) => [r.key, r]));
    }
    return this.known;
  }

  /** The accepted entity of the candidate with `key` in this document, or null. */
  private async acceptedId(key: string | null | undefined): Promise<{ id: string; entity: string } | null> {
    if (!key) return null;
    const row = (await this.ensureKnown()).get(key);
    if (row?.state !== "accepted" || !row.id) return null;
    return { id: row.id, entity: row.entity };
  }

  /** Tells later lookups in this batch that `key` is now accepted as `id`. */
  noteAccepted(key: string, entity: string, id: string | null) {
    this.known?.set(key, { id, entity, state: "accepted" });
  }

  private async requireParent(c: CandidateRow, entities: string[]) {
    const parent = await this.acceptedId(c.parentKey);
    if (!parent || !entities.includes(parent.entity))
      throw new AppError(
        "invalid_state",
        `The ${c.entity.replace("_", " ")} "${label(c)}" cannot be accepted before its ${entities.join(" or ")} is accepted.`,
      );
    return parent;
  }

  private async policyOf(themeOrPolicy: { id: string; entity: string }) {
    if (themeOrPolicy.entity === "policy") return themeOrPolicy.id;
    const [theme] = await this.ctx.db
      .select({ policyId: themes.policyId })
      .from(themes)
      .where(eq(themes.id, themeOrPolicy.id));
    return theme!.policyId;
  }

  /** Creates the entity for one candidate (fields possibly edited) and returns its id. */
  async create(c: CandidateRow, fields: Record<string, unknown>): Promise<string | null> {
    await this.ensureKnown();
    const org = this.ctx.organisationId;
    const db = this.ctx.db;
    const { admin, committee } = await this.lookups();
    switch (c.entity) {
      case "document": {
        await db
          .update(documents)
          .set({
            title: str(fields.title),
            kind: str(fields.kind),
            caseNumber: str(fields.case_number),
            documentNumber: str(fields.document_number),
            dated: day(fields.dated),
          })
          .where(eq(documents.id, this.documentId));
        return this.documentId;
      }
      case "policy": {
        const parent = c.parentKey ? await this.acceptedId(c.parentKey) : null;
        const title = str(fields.title) ?? "Uden titel";
        const [row] = await db
          .insert(policies)
          .values({
            organisationId: org,
            slug: await this.slug(`${title}`),
            title,
            kind: str(fields.kind) ?? "policy",
            periodStart: int(fields.period_start),
            periodEnd: int(fields.period_end),
            ownerAdministrationId: admin.get(str(fields.owner_administration) ?? "") ?? null,
            ownerCommitteeId: committee.get(str(fields.owner_committee) ?? "") ?? null,
            parentPolicyId: parent?.entity === "policy" ? parent.id : null,
            adoptedOn: day(fields.adopted_on),
            followUp: str(fields.follow_up),
            documentId: this.documentId,
          })
          .returning({ id: policies.id });
        return row!.id;
      }
      case "theme": {
        const parent = await this.requireParent(c, ["policy"]);
        const [row] = await db
          .insert(themes)
          .values({
            organisationId: org,
            policyId: parent.id,
            number: int(fields.number) ?? 0,
            title: str(fields.title) ?? "",
          })
          .returning({ id: themes.id });
        return row!.id;
      }
      case "goal": {
        const parent = await this.requireParent(c, ["theme", "policy"]);
        const policyId = await this.policyOf(parent);
        const [row] = await db
          .insert(goals)
          .values({
            organisationId: org,
            policyId,
            themeId: parent.entity === "theme" ? parent.id : null,
            kind: str(fields.kind) === "result_goal" ? "result_goal" : "goal",
            number: fields.number == null ? null : String(fields.number),
            text: str(fields.text) ?? "",
            administrationId: admin.get(str(fields.administration) ?? "") ?? null,
            sortOrder: sortOrder(c.key),
          })
          .returning({ id: goals.id });
        const committeeIds = list(fields.committees)
          .map((code) => committee.get(code))
          .filter((id): id is string => !!id);
        if (committeeIds.length)
          await db.insert(goalCommittees).values(
            [...new Set(committeeIds)].map((committeeId) => ({
              organisationId: org,
              goalId: row!.id,
              committeeId,
            })),
          );
        return row!.id;
      }
      case "indicator": {
        const parent = await this.requireParent(c, ["goal"]);
        const [row] = await db
          .insert(indicators)
          .values({
            organisationId: org,
            goalId: parent.id,
            title: str(fields.title) ?? "",
            unit: str(fields.unit),
            direction:
              (["increase", "decrease", "maintain"] as const).find((d) => d === fields.direction) ??
              "increase",
            baselineValue: num(fields.baseline_value),
            baselinePeriod: str(fields.baseline_period),
            targetValue: num(fields.target_value),
            targetPeriod: str(fields.target_period),
            source: str(fields.source),
          })
          .returning({ id: indicators.id });
        return row!.id;
      }
      case "observation": {
        const parent = await this.requireParent(c, ["indicator"]);
        const period = str(fields.period);
        const value = num(fields.value);
        if (!period || value === null) return null;
        const parsed = parsePeriod(period);
        if (!parsed.ok) return null;
        const [row] = await db
          .insert(observations)
          .values({
            organisationId: org,
            indicatorId: parent.id,
            period,
            year: periodYear(parsed.value),
            value,
            disaggregation: str(fields.disaggregation) ?? "",
            n: int(fields.n),
            footnote: str(fields.footnote),
            source: str(fields.source),
          })
          .onConflictDoNothing()
          .returning({ id: observations.id });
        return row?.id ?? null;
      }
      case "initiative": {
        const parent = await this.requireParent(c, ["policy"]);
        const [row] = await db
          .insert(initiatives)
          .values({
            organisationId: org,
            policyId: parent.id,
            administrationId: admin.get(str(fields.administration) ?? "") ?? null,
            committeeId: committee.get(str(fields.committee) ?? "") ?? null,
            title: str(fields.title) ?? "",
            description: str(fields.description),
            fundingStatus: (str(fields.funding_status) as never) ?? "unknown",
            status: (str(fields.status) as never) ?? "unknown",
            targetGroups: list(fields.target_groups),
            equalityGrounds: list(fields.equality_grounds),
            partners: list(fields.partners),
            startYear: int(fields.start_year),
            endYear: int(fields.end_year),
          })
          .returning({ id: initiatives.id });
        const goalIds: string[] = [];
        for (const key of c.refs.goals ?? []) {
          const goal = await this.acceptedId(key);
          if (goal?.entity === "goal") goalIds.push(goal.id);
        }
        if (goalIds.length)
          await db
            .insert(initiativeGoals)
            .values(
              [...new Set(goalIds)].map((goalId) => ({ organisationId: org, initiativeId: row!.id, goalId })),
            );
        return row!.id;
      }
      case "budget_line": {
        const parent = await this.requireParent(c, ["initiative"]);
        const [row] = await db
          .insert(budgetLines)
          .values({
            organisationId: org,
            initiativeId: parent.id,
            year: int(fields.year),
            amountDkk: int(fields.amount_dkk),
            fte: num(fields.fte),
            fundingStatus: (str(fields.funding_status) as never) ?? "unknown",
            label: str(fields.label),
          })
          .returning({ id: budgetLines.id });
        return row!.id;
      }
      case "annual_target": {
        const parent = await this.requireParent(c, ["initiative"]);
        const [row] = await db
          .insert(annualTargets)
          .values({
            organisationId: org,
            initiativeId: parent.id,
            year: int(fields.year),
            metric: str(fields.metric) ?? "",
            targetValue: num(fields.target_value),
            actualValue: num(fields.actual_value),
            unit: str(fields.unit),
          })
          .returning({ id: annualTargets.id });
        return row!.id;
      }
      case "inquiry": {
        const [row] = await db
          .insert(inquiries)
          .values({
            organisationId: org,
            askedBy: str(fields.asked_by) ?? "Ukendt",
            askedOn: day(fields.asked_on),
            answeredOn: day(fields.answered_on),
            questions: list(fields.questions),
            administrationId: admin.get(str(fields.administration) ?? "") ?? null,
            signedBy: str(fields.signed_by),
            caseNumber: str(fields.case_number),
            documentNumber: str(fields.document_number),
            state: day(fields.answered_on) ? "sent" : "new",
            scope: { equality_grounds: list(fields.equality_grounds) },
            answer: str(fields.answer),
            documentId: this.documentId,
          })
          .returning({ id: inquiries.id });
        return row!.id;
      }
      case "hearing_response": {
        const [row] = await db
          .insert(hearingResponses)
          .values({
            organisationId: org,
            policyTitle: str(fields.policy_title),
            respondentKind: "committee",
            fromCommitteeId: committee.get(str(fields.from_committee) ?? "") ?? null,
            addressedTo: str(fields.addressed_to),
            meetingDate: day(fields.meeting_date),
            goalsChosen: list(fields.goals_chosen),
            caseNumber: str(fields.case_number),
            documentNumber: str(fields.document_number),
            signedBy: str(fields.signed_by),
            published: true,
            documentId: this.documentId,
          })
          .returning({ id: hearingResponses.id });
        return row!.id;
      }
      default:
        throw new AppError("validation_failed", `Unknown candidate entity "${c.entity}".`);
    }
  }

  private pendingProvenance: (typeof provenance.$inferInsert)[] = [];

  /** Queues the candidate's evidence as the entity's provenance; `flush` writes it. */
  recordProvenance(c: CandidateRow, entityId: string) {
    if (c.entity === "document") return;
    for (const e of c.evidence)
      this.pendingProvenance.push({
        organisationId: this.ctx.organisationId,
        entity: c.entity,
        entityId,
        field: e.field,
        documentId: this.documentId,
        start: e.start,
        end: e.end,
        page: e.page ?? null,
        quote: e.quote,
      });
  }

  async flush() {
    const rows = this.pendingProvenance;
    this.pendingProvenance = [];
    for (let i = 0; i < rows.length; i += 500)
      await this.ctx.db.insert(provenance).values(rows.slice(i, i + 500));
  }
}

export function label(c: Pick<CandidateRow, "fields">): string {
  const f = c.fields;
  const text =
    str(f.title) ??
    str(f.text) ??
    str(f.metric) ??
    str(f.label) ??
    str(f.asked_by) ??
    str(f.policy_title) ??
    "";
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Keeps document order: the last numeric segment of the key. */
function sortOrder(key: string): number {
  const match = key.match(/(\d+)(?!.*\d)/);
  return match ? Number(match[1]) : 0;
}

export async function candidatesOf(ctx: Context, ids: string[]) {
  if (ids.length === 0) return [];
  return ctx.db
    .select()
    .from(candidates)
    .where(and(eq(candidates.organisationId, ctx.organisationId), inArray(candidates.id, ids)));
}
