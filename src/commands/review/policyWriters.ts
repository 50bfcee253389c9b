// Policies and what hangs under them (themes, goals, indicators, observations),
// written through the registry's commands.
import { eq } from "drizzle-orm";
import { goalCommittees, goals, indicators, observations, policies, themes } from "../../db/schema.ts";
import { goalCreator } from "../registry/goalCreator.ts";
import { goalUpdater } from "../registry/goalUpdater.ts";
import { indicatorCreator } from "../registry/indicatorCreator.ts";
import { indicatorUpdater } from "../registry/indicatorUpdater.ts";
import { observationSaver } from "../registry/observationSaver.ts";
import { policyCreator } from "../registry/policyCreator.ts";
import { policyUpdater } from "../registry/policyUpdater.ts";
import { themeCreator } from "../registry/themeCreator.ts";
import { themeUpdater } from "../registry/themeUpdater.ts";
import { agrees, notArchived, sameText, similarText } from "./match.ts";
import { type AnyRow, changedValues, type EntityWriter, sortOrderOf, type WriteEnv } from "./writer.ts";

type PolicyRow = typeof policies.$inferSelect;
type ThemeRow = typeof themes.$inferSelect;
type GoalRow = typeof goals.$inferSelect;
type IndicatorRow = typeof indicators.$inferSelect;
type ObservationRow = typeof observations.$inferSelect;

const under = (env: WriteEnv) => env.parent!;

export const policyWriter: EntityWriter<"policy"> = {
  table: policies,
  parents: ["policy"],
  match: (env, v) =>
    env.matcher.find<PolicyRow & AnyRow>(
      policies,
      (r) =>
        r.kind === v.kind &&
        sameText(r.title, v.title) &&
        agrees(r.periodStart, v.period_start) &&
        agrees(r.periodEnd, v.period_end),
      undefined,
      notArchived(policies.status),
    ),
  async create(env, v) {
    const row = await policyCreator(env.ctx, {
      ...(await policyValues(env, v)),
      documentId: env.candidate.documentId,
    });
    return row.id;
  },
  async update(env, row, v) {
    const current = row as unknown as PolicyRow;
    const changes = changedValues(current, await policyValues(env, v));
    if (Object.keys(changes).length === 0 && current.documentId === env.candidate.documentId) return;
    await policyUpdater(env.ctx, {
      id: current.id,
      version: current.version,
      title: current.title,
      kind: current.kind,
      status: current.status,
      periodStart: current.periodStart,
      periodEnd: current.periodEnd,
      ownerAdministrationId: current.ownerAdministrationId,
      adoptedOn: current.adoptedOn,
      followUp: current.followUp,
      ...changes,
      documentId: env.candidate.documentId,
    });
  },
};

async function policyValues(env: WriteEnv, v: Parameters<typeof policyWriter.create>[1]) {
  const { lookups } = env;
  const parentPolicyId =
    env.parent?.entity === "policy" ? env.parent.id : await lookups.policyTitled(v.parent_policy_title);
  return {
    title: v.title,
    subtitle: v.subtitle,
    kind: v.kind,
    periodStart: v.period_start,
    periodEnd: v.period_end,
    ownerAdministrationId: await lookups.unit(
      "administration",
      v.owner_administration,
      "policy",
      "owner_administration",
    ),
    ownerCommitteeId: await lookups.unit("committee", v.owner_committee, "policy", "owner_committee"),
    parentPolicyId,
    adoptedOn: v.adopted_on,
    followUp: v.follow_up,
    equalityGrounds: v.equality_grounds,
  };
}

export const themeWriter: EntityWriter<"theme"> = {
  table: themes,
  parents: ["policy"],
  match: (env, v) =>
    env.matcher.find<ThemeRow & AnyRow>(themes, (r) => r.number === v.number, {
      column: themes.policyId,
      id: under(env).policyId,
    }),
  async create(env, v) {
    return (await themeCreator(env.ctx, { policyId: under(env).policyId, ...v })).id;
  },
  async update(env, row, v) {
    const current = row as unknown as ThemeRow;
    const changes = changedValues(current, v);
    if (Object.keys(changes).length === 0) return;
    await themeUpdater(env.ctx, {
      id: current.id,
      version: current.version,
      number: current.number,
      title: current.title,
      description: current.description,
      ...changes,
    });
  },
};

async function goalValues(env: WriteEnv, v: Parameters<typeof goalWriter.create>[1]) {
  const committeeIds: string[] = [];
  for (const code of v.committees) {
    const id = await env.lookups.unit("committee", code, "goal", "committees");
    if (id) committeeIds.push(id);
  }
  return {
    kind: v.kind,
    number: v.number,
    text: v.text,
    administrationId: await env.lookups.unit("administration", v.administration, "goal", "administration"),
    committeeIds,
  };
}

export const goalWriter: EntityWriter<"goal"> = {
  table: goals,
  parents: ["theme", "policy"],
  async match(env, v) {
    const scope = { column: goals.policyId, id: under(env).policyId };
    const same = await env.matcher.find<GoalRow & AnyRow>(
      goals,
      (r) => r.kind === v.kind && (v.number && r.number ? r.number === v.number : sameText(r.text, v.text)),
      scope,
    );
    if (same || v.number) return same;
    // A goal without a number, reworded: the one in its place in the list that says mostly the same.
    const place = sortOrderOf(env.candidate.key);
    return env.matcher.find<GoalRow & AnyRow>(
      goals,
      (r) => r.kind === v.kind && !r.number && r.sortOrder === place && similarText(r.text, v.text),
      scope,
    );
  },
  async create(env, v) {
    const parent = under(env);
    const row = await goalCreator(env.ctx, {
      policyId: parent.policyId,
      themeId: parent.entity === "theme" ? parent.id : null,
      sortOrder: sortOrderOf(env.candidate.key),
      ...(await goalValues(env, v)),
    });
    return row.id;
  },
  async update(env, row, v) {
    const current = row as unknown as GoalRow;
    const { committeeIds, ...values } = await goalValues(env, v);
    const linked = await env.ctx.db
      .select({ id: goalCommittees.committeeId })
      .from(goalCommittees)
      .where(eq(goalCommittees.goalId, current.id));
    const parent = under(env);
    const themeId = parent.entity === "theme" ? parent.id : current.themeId;
    const changes = changedValues(
      { ...current, committeeIds: linked.map((l) => l.id) },
      { ...values, themeId, committeeIds },
    );
    if (Object.keys(changes).length === 0) return;
    await goalUpdater(env.ctx, {
      id: current.id,
      version: current.version,
      kind: current.kind,
      number: current.number,
      text: current.text,
      themeId: current.themeId,
      administrationId: current.administrationId,
      sortOrder: current.sortOrder,
      ...changes,
    });
  },
};

function indicatorValues(v: Parameters<typeof indicatorWriter.create>[1]) {
  return {
    title: v.title,
    unit: v.unit,
    direction: v.direction,
    baselineValue: v.baseline_value,
    baselinePeriod: v.baseline_period,
    targetValue: v.target_value,
    targetPeriod: v.target_period,
    source: v.source,
  };
}

export const indicatorWriter: EntityWriter<"indicator"> = {
  table: indicators,
  parents: ["goal"],
  match: (env, v) =>
    env.matcher.find<IndicatorRow & AnyRow>(indicators, (r) => sameText(r.title, v.title), {
      column: indicators.goalId,
      id: under(env).id,
    }),
  async create(env, v) {
    const values = indicatorValues(v);
    // A document that does not say which way an indicator should go: the registry's default.
    const row = await indicatorCreator(env.ctx, {
      goalId: under(env).id,
      ...values,
      direction: values.direction ?? "increase",
    });
    return row.id;
  },
  async update(env, row, v) {
    const current = row as unknown as IndicatorRow;
    const changes = changedValues(current, indicatorValues(v));
    if (Object.keys(changes).length === 0) return;
    await indicatorUpdater(env.ctx, { ...current, ...changes, id: current.id, version: current.version });
  },
};

export const observationWriter: EntityWriter<"observation"> = {
  table: observations,
  parents: ["indicator"],
  match: (env, v) =>
    env.matcher.find<ObservationRow & AnyRow>(
      observations,
      (r) => r.period === v.period && r.disaggregation === v.disaggregation,
      { column: observations.indicatorId, id: under(env).id },
    ),
  async create(env, v) {
    return (await observationSaver(env.ctx, { indicatorId: under(env).id, ...v })).id;
  },
  async update(env, row, v) {
    const current = row as unknown as ObservationRow;
    const changes = changedValues(current, v);
    if (Object.keys(changes).length === 0) return;
    const { id, version, period, value, disaggregation, n, footnote, source } = current;
    await observationSaver(env.ctx, {
      id,
      version,
      period,
      value,
      disaggregation,
      n,
      footnote,
      source,
      ...changes,
    });
  },
};
