// Initiatives and their budget lines and annual targets, written through the
// registry's commands. A line or target placed under a policy rather than an
// initiative (the plan's "Pulje til senere udmøntning") becomes an initiative
// of that policy in its own right, shared by the lines that bear its name.
import { eq } from "drizzle-orm";
import { annualTargets, budgetLines, initiativeGoals, initiatives } from "../../db/schema.ts";
import type { EntityFields } from "../../domain/entities/index.ts";
import type { FundingStatus } from "../../domain/enums.ts";
import { initiativeUpdater } from "../initiativeUpdater.ts";
import { annualTargetSaver } from "../registry/annualTargetSaver.ts";
import { budgetLineSaver } from "../registry/budgetLineSaver.ts";
import { initiativeCreator } from "../registry/initiativeCreator.ts";
import type { Placement } from "./lookups.ts";
import { sameText } from "./match.ts";
import { type AnyRow, changedValues, type EntityWriter, type WriteEnv } from "./writer.ts";

type InitiativeRow = typeof initiatives.$inferSelect;
type BudgetLineRow = typeof budgetLines.$inferSelect;
type AnnualTargetRow = typeof annualTargets.$inferSelect;

async function initiativeValues(env: WriteEnv, v: Parameters<typeof initiativeWriter.create>[1]) {
  const { lookups, candidate } = env;
  const policyId = env.parent!.policyId;
  // The goals it serves: those of its own document that were accepted into the same policy.
  const accepted = await lookups.acceptedIds(candidate.documentId, candidate.refs.goals ?? [], "goal");
  const policyOf = await lookups.goalPolicies(accepted);
  return {
    title: v.title,
    description: v.description,
    administrationId: await lookups.unit("administration", v.administration, "initiative", "administration"),
    committeeId: await lookups.unit("committee", v.committee, "initiative", "committee"),
    fundingStatus: v.funding_status,
    status: v.status,
    targetGroups: v.target_groups,
    equalityGrounds: v.equality_grounds,
    partners: v.partners,
    startYear: v.start_year,
    endYear: v.end_year,
    goalIds: accepted.filter((id) => policyOf.get(id) === policyId),
  };
}

export const initiativeWriter: EntityWriter<"initiative"> = {
  table: initiatives,
  parents: ["policy"],
  match: (env, v) =>
    env.matcher.find<InitiativeRow & AnyRow>(initiatives, (r) => sameText(r.title, v.title), {
      column: initiatives.policyId,
      id: env.parent!.policyId,
    }),
  async create(env, v) {
    return (
      await initiativeCreator(env.ctx, {
        policyId: env.parent!.policyId,
        ...(await initiativeValues(env, v)),
      })
    ).id;
  },
  async update(env, row, v) {
    const linked = await env.ctx.db
      .select({ id: initiativeGoals.goalId })
      .from(initiativeGoals)
      .where(eq(initiativeGoals.initiativeId, row.id));
    const current = { ...row, goalIds: linked.map((l) => l.id) };
    const changes = changedValues(current, await initiativeValues(env, v));
    if (Object.keys(changes).length === 0) return;
    await initiativeUpdater(env.ctx, { id: row.id, version: row.version, ...changes });
  },
};

/**
 * The initiative a line or target goes under. Placed under a policy, it is the
 * policy's initiative of the same title, made when the first such line is accepted.
 */
async function initiativeFor(
  env: WriteEnv,
  title: string | null,
  fundingStatus: FundingStatus,
  field: string,
): Promise<string> {
  const parent = env.parent!;
  if (parent.entity === "initiative") return parent.id;
  const name = title ?? "Uden titel";
  return env.lookups.ownInitiative(parent as Placement, name, async () => {
    const created = await initiativeCreator(env.ctx, {
      policyId: parent.policyId,
      title: name,
      description: null,
      administrationId: await env.lookups.ownerOf(parent.policyId),
      fundingStatus,
      status: "unknown",
    });
    env.lookups.created.add(created.id);
    env.lookups.noteMade(created.id, field);
    return created.id;
  });
}

/** The initiative a line of a new version would go under, if it exists already. */
async function existingInitiativeFor(env: WriteEnv, title: string | null): Promise<string | null> {
  const parent = env.parent;
  if (!parent) return null;
  if (parent.entity === "initiative") return parent.id;
  return env.lookups.existingOwnInitiative(parent, title ?? "Uden titel");
}

/** A budget line candidate's fields as the registry's columns. */
const budgetLineValues = (v: EntityFields<"budget_line">) => ({
  year: v.year,
  amountDkk: v.amount_dkk,
  fte: v.fte,
  fundingStatus: v.funding_status,
  label: v.label,
});

/** An annual target candidate's fields as the registry's columns. */
const annualTargetValues = (v: EntityFields<"annual_target">) => ({
  year: v.year,
  fromYear: v.from_year,
  metric: v.metric,
  targetValue: v.target_value,
  actualValue: v.actual_value,
  unit: v.unit,
});

export const budgetLineWriter: EntityWriter<"budget_line"> = {
  table: budgetLines,
  parents: ["initiative", "policy"],
  async match(env, v) {
    const initiativeId = await existingInitiativeFor(env, v.label);
    if (!initiativeId) return null;
    return env.matcher.find<BudgetLineRow & AnyRow>(
      budgetLines,
      (r) => r.year === v.year && sameText(r.label, v.label),
      { column: budgetLines.initiativeId, id: initiativeId },
    );
  },
  async create(env, v) {
    const initiativeId = await initiativeFor(env, v.label, v.funding_status, "label");
    const row = await budgetLineSaver(env.ctx, { initiativeId, ...budgetLineValues(v) });
    return row.id;
  },
  async update(env, row, v) {
    const current = row as unknown as BudgetLineRow;
    const changes = changedValues(current, budgetLineValues(v));
    if (Object.keys(changes).length === 0) return;
    const { id, version, year, amountDkk, fte, label } = current;
    await budgetLineSaver(env.ctx, {
      id,
      version,
      year,
      amountDkk,
      fte,
      fundingStatus: current.fundingStatus,
      label,
      ...changes,
    });
  },
};

export const annualTargetWriter: EntityWriter<"annual_target"> = {
  table: annualTargets,
  parents: ["initiative", "policy"],
  async match(env, v) {
    const initiativeId = await existingInitiativeFor(env, v.metric);
    if (!initiativeId) return null;
    return env.matcher.find<AnnualTargetRow & AnyRow>(
      annualTargets,
      (r) => r.year === v.year && sameText(r.metric, v.metric),
      { column: annualTargets.initiativeId, id: initiativeId },
    );
  },
  async create(env, v) {
    const initiativeId = await initiativeFor(env, v.metric, "unknown", "metric");
    const row = await annualTargetSaver(env.ctx, { initiativeId, ...annualTargetValues(v) });
    return row.id;
  },
  async update(env, row, v) {
    const current = row as unknown as AnnualTargetRow;
    const changes = changedValues(current, annualTargetValues(v));
    if (Object.keys(changes).length === 0) return;
    const { id, version, year, fromYear, metric, targetValue, actualValue, unit } = current;
    await annualTargetSaver(env.ctx, {
      id,
      version,
      year,
      fromYear,
      metric,
      targetValue,
      actualValue,
      unit,
      ...changes,
    });
  },
};
