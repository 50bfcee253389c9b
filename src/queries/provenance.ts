// Provenance: which document and sentence a value was read from. The API's list
// withholds the provenance of a value the public may not see (its quote would give
// the value away: a suppressed count, an unsent answer, a citizen's name); the portal
// cites the sources of the entities a page shows.
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Context } from "../context.ts";
import { hearingResponses, inquiries, observations, provenance } from "../db/schema.ts";
import { suppressedSql } from "../domain/suppression.ts";
import { resourceQueries, when } from "./keysetPage.ts";
import {
  col,
  columnsOf,
  type IdsOf,
  idList,
  jsonRows,
  noIds,
  type OrganisationParam,
  ownedBy,
} from "./sqlFragments.ts";

/** The entities provenance may name publicly: those of the open-data package's resources, in the singular. */
export const provenanceEntityNames = [
  "administration",
  "committee",
  "document",
  "policy",
  "theme",
  "goal",
  "indicator",
  "observation",
  "initiative",
  "budget_line",
  "annual_target",
  "inquiry",
  "hearing",
  "hearing_response",
] as const;

export type ProvenanceEntity = (typeof provenanceEntityNames)[number];

export interface ProvenanceFilters {
  entity?: string;
  entity_id?: string;
  field?: string;
  document_id?: string;
}

const about = (entity: string, ...fields: string[]) =>
  fields.length === 0
    ? sql`${col(provenance.entity)} = ${entity}`
    : sql`${col(provenance.entity)} = ${entity} AND ${inArray(provenance.field, fields)}`;

/**
 * Provenance the public may see: only of public resources, and not of withheld values.
 * A value of another organisation's row counts as withheld.
 */
const publicProvenance = (
  threshold: number,
  org: string,
) => sql`${inArray(provenance.entity, provenanceEntityNames)}
  AND NOT (
    (${about("document", "text", "storage_path")})
    OR (${about("observation", "value", "n")} AND EXISTS (SELECT 1 FROM ${observations}
      WHERE ${col(observations.id)} = ${col(provenance.entityId)}
        AND (NOT ${ownedBy(observations, org)} OR ${sql.raw(suppressedSql('"observations"."n"', threshold))})))
    OR (${about("inquiry", "scope")})
    OR (${about("inquiry", "answer")} AND EXISTS (SELECT 1 FROM ${inquiries}
      WHERE ${col(inquiries.id)} = ${col(provenance.entityId)}
        AND (NOT ${ownedBy(inquiries, org)} OR ${col(inquiries.state)} <> 'sent')))
    OR (${about("hearing_response")} AND EXISTS (SELECT 1 FROM ${hearingResponses}
      WHERE ${col(hearingResponses.id)} = ${col(provenance.entityId)}
        AND (NOT ${ownedBy(hearingResponses, org)} OR NOT ${col(hearingResponses.published)}
        OR (${col(provenance.field)} = 'from_name' AND ${col(hearingResponses.respondentKind)} = 'citizen'
          AND NOT ${col(hearingResponses.consentToPublishName)}))))
  )`;

/** Provenance's columns as the API lists them; a query that reads fewer picks them (columnsOf). */
export const provenanceColumns = {
  id: provenance.id,
  entity: provenance.entity,
  entityId: provenance.entityId,
  field: provenance.field,
  documentId: provenance.documentId,
  start: provenance.start,
  end: provenance.end,
  quote: provenance.quote,
  page: provenance.page,
};

export const provenanceQueries = resourceQueries({
  id: provenance.id,
  organisationId: provenance.organisationId,
  visible: (scope) => publicProvenance(scope.threshold, scope.organisationId),
  select: (scope, where, limit) =>
    scope.db.select(provenanceColumns).from(provenance).where(where).orderBy(asc(provenance.id)).limit(limit),
  filters: (f: ProvenanceFilters) => [
    when(f.entity, (v) => eq(provenance.entity, v)),
    when(f.entity_id, (v) => eq(provenance.entityId, v)),
    when(f.field, (v) => eq(provenance.field, v)),
    when(f.document_id, (v) => eq(provenance.documentId, v)),
  ],
});

export type ProvenanceRow = NonNullable<Awaited<ReturnType<typeof provenanceQueries.get>>>;

export interface ProvenanceRef {
  id: string;
  entity: string;
  entityId: string;
  field: string;
  documentId: string;
  quote: string;
}

const sourceColumns = columnsOf(
  provenanceColumns,
  "id",
  "entity",
  "entityId",
  "field",
  "documentId",
  "quote",
);

// Document order; named with the table, so it also serves inside a subquery (sourcesJson).
const sourceOrder = [
  provenance.documentId,
  provenance.start,
  provenance.end,
  provenance.field,
  provenance.id,
].map((c) => sql`${col(c)} asc`);

/** Provenance rows of the given entities, in document order. */
export async function sourcesOf(ctx: Context, entityIds: IdsOf): Promise<ProvenanceRef[]> {
  if (noIds(entityIds)) return [];
  return ctx.db
    .select(sourceColumns)
    .from(provenance)
    .where(
      and(eq(provenance.organisationId, ctx.organisationId), inArray(provenance.entityId, idList(entityIds))),
    )
    .orderBy(...sourceOrder);
}

/**
 * The same rows as one JSON array, for a page that reads them in the statement of its entities;
 * `entityIds` is an array of ids (ARRAY(subquery)): "= ANY" an array the database builds once
 * reads the matching rows, where "IN (subquery)" compared every provenance row of the organisation.
 */
export const sourcesJson = (organisationId: OrganisationParam, entityIds: SQL): SQL<ProvenanceRef[]> =>
  jsonRows(
    sourceColumns,
    sql`FROM ${provenance} WHERE ${ownedBy(provenance, organisationId)}
      AND ${col(provenance.entityId)} = ANY(${entityIds})`,
    sourceOrder,
  );

/** The ids of the documents the given entities' provenance quotes, as an array (for documentsJson). */
export const sourceDocumentIdArray = (organisationId: OrganisationParam, entityIds: SQL): SQL =>
  sql`ARRAY(SELECT ${col(provenance.documentId)} FROM ${provenance}
    WHERE ${ownedBy(provenance, organisationId)} AND ${col(provenance.entityId)} = ANY(${entityIds}))`;
