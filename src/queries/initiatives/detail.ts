// One initiative for the public portal: its money, targets, goals, status history
// (locked rounds only) and sources.
import { and, eq, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import type { Executor } from "../../db/client.ts";
import {
  administrations,
  annualTargets,
  budgetLines,
  committees,
  goals,
  initiativeGoals,
  initiatives,
  policies,
  statusReports,
  statusRounds,
} from "../../db/schema.ts";
import { countedReportStates } from "../../domain/roundState.ts";
import { documentsJson } from "../documents.ts";
import { preparedPer } from "../prepared.ts";
import { sourceDocumentIdArray, sourcesJson } from "../provenance.ts";
import { inOrganisation } from "../scope.ts";
import { col, jsonRows, ownedBy } from "../sqlFragments.ts";
import { annualTargetsJson } from "./annualTargets.ts";
import { budgetLinesJson } from "./budgetLines.ts";

// One statement: each list is a subquery beside the initiative's row, so a page holds one of
// the pool's connections, not one per list (under load the pool, not the database, was the
// limit). It is prepared: parsing and planning this statement cost the database several times
// what running it does, so each connection does that once. The subqueries name the id, not the
// outer row: uncorrelated, each runs once.
function prepare(db: Executor) {
  const org = sql.placeholder("organisationId");
  const initiative = sql`${sql.placeholder("id")}::uuid`;
  // The ids whose provenance the page cites, as an array the database builds once.
  const sourceIds = sql`ARRAY(SELECT ${initiative}
    UNION ALL SELECT ${col(budgetLines.id)} FROM ${budgetLines}
      WHERE ${col(budgetLines.initiativeId)} = ${initiative} AND ${ownedBy(budgetLines, org)}
    UNION ALL SELECT ${col(annualTargets.id)} FROM ${annualTargets}
      WHERE ${col(annualTargets.initiativeId)} = ${initiative} AND ${ownedBy(annualTargets, org)})`;
  const goalList = jsonRows(
    { id: goals.id, number: goals.number, text: goals.text, kind: goals.kind },
    sql`FROM ${initiativeGoals} JOIN ${goals} ON ${col(goals.id)} = ${col(initiativeGoals.goalId)}
        AND ${ownedBy(goals, org)}
      WHERE ${ownedBy(initiativeGoals, org)} AND ${col(initiativeGoals.initiativeId)} = ${initiative}`,
    [sql`${col(goals.sortOrder)} asc`, sql`${col(goals.number)} asc`, sql`${col(goals.id)} asc`],
  );
  // Only locked rounds are public: until then an answer can still be returned and changed.
  const history = jsonRows(
    {
      id: statusReports.id,
      roundTitle: statusRounds.title,
      roundKind: statusRounds.kind,
      period: statusRounds.period,
      rating: statusReports.rating,
      progressPct: statusReports.progressPct,
      narrative: statusReports.narrative,
    },
    sql`FROM ${statusReports} JOIN ${statusRounds} ON ${col(statusRounds.id)} = ${col(statusReports.roundId)}
        AND ${ownedBy(statusRounds, org)}
      WHERE ${ownedBy(statusReports, org)} AND ${col(statusReports.initiativeId)} = ${initiative}
        AND ${col(statusRounds.state)} = 'locked' AND NOT ${col(statusRounds.isExample)}
        AND ${col(statusReports.state)} IN (${sql.join(
          countedReportStates.map((s) => sql`${s}`),
          sql`, `,
        )})`,
    [
      sql`${col(statusRounds.period)} desc`,
      sql`${col(statusRounds.lockedAt)} desc`,
      sql`${col(statusReports.id)} asc`,
    ],
  );
  return db
    .select({
      // Nested, so the row is the page's detail as it is: its own columns, then its lists.
      initiative: {
        id: initiatives.id,
        title: initiatives.title,
        description: initiatives.description,
        targetGroups: initiatives.targetGroups,
        equalityGrounds: initiatives.equalityGrounds,
        partners: initiatives.partners,
        fundingStatus: initiatives.fundingStatus,
        status: initiatives.status,
        startYear: initiatives.startYear,
        endYear: initiatives.endYear,
        administrationCode: administrations.code,
        administrationName: administrations.name,
        committeeCode: committees.code,
        committeeName: committees.name,
        policyId: policies.id,
        policySlug: policies.slug,
        policyTitle: policies.title,
      },
      goals: goalList,
      budget: budgetLinesJson(initiative, org),
      targets: annualTargetsJson(initiative, org),
      history,
      sources: sourcesJson(org, sourceIds),
      documents: documentsJson(org, sourceDocumentIdArray(org, sourceIds)),
    })
    .from(initiatives)
    .innerJoin(policies, and(eq(policies.id, initiatives.policyId), inOrganisation(policies, org)))
    .leftJoin(
      administrations,
      and(eq(administrations.id, initiatives.administrationId), inOrganisation(administrations, org)),
    )
    .leftJoin(committees, and(eq(committees.id, initiatives.committeeId), inOrganisation(committees, org)))
    .where(and(eq(initiatives.organisationId, org), eq(initiatives.id, sql.placeholder("id"))))
    .limit(1)
    .prepare("initiative_detail");
}

const prepared = preparedPer(prepare);

export async function initiativeDetail(ctx: Context, id: string) {
  const [row] = await prepared(ctx.db).execute({ id, organisationId: ctx.organisationId });
  return row;
}

export type InitiativeDetail = NonNullable<Awaited<ReturnType<typeof initiativeDetail>>>;
