// Documents: the API's list (metadata only: never the text or where the file is
// kept), the admin's filter choices, the documents a portal page cites, and one
// source document for the portal with every span a registry value was read from.
import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { documents, hearingResponses, policies, provenance } from "../db/schema.ts";
import { HEARING_ATTACHMENT_KIND } from "../domain/enums.ts";
import { resourceQueries, when } from "./keysetPage.ts";
import { col, isoDate, jsonRows, type OrganisationParam, ownedBy } from "./sqlFragments.ts";

export interface DocumentFilters {
  kind?: string;
}

/** Not a respondent's attachment, which may name a person: never listed or shown publicly. */
export const notHearingAttachment = () => sql`coalesce(${documents.kind}, '') <> ${HEARING_ATTACHMENT_KIND}`;

/** A document as a list names it: its title, file name and kind. */
export const documentListing = {
  id: documents.id,
  title: documents.title,
  filename: documents.filename,
  kind: documents.kind,
};

export const documentQueries = resourceQueries({
  id: documents.id,
  organisationId: documents.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: documents.id,
        filename: documents.filename,
        mediaType: documents.mediaType,
        sha256: documents.sha256,
        title: documents.title,
        caseNumber: documents.caseNumber,
        documentNumber: documents.documentNumber,
        dated: isoDate(documents.dated),
        size: documents.size,
        kind: documents.kind,
        previousVersionId: documents.previousVersionId,
      })
      .from(documents)
      .where(where)
      .orderBy(asc(documents.id))
      .limit(limit),
  filters: (f: DocumentFilters) => [when(f.kind, (v) => eq(documents.kind, v))],
  visible: notHearingAttachment,
});

export type DocumentRow = NonNullable<Awaited<ReturnType<typeof documentQueries.get>>>;

export async function listDocumentOptions(ctx: Context) {
  authorize(ctx.actor, "read", { entity: "document" }, { hidden: true });
  return ctx.db
    .select({ id: documents.id, filename: documents.filename, title: documents.title })
    .from(documents)
    .where(eq(documents.organisationId, ctx.organisationId))
    .orderBy(asc(documents.filename));
}

export interface PolicyDocument {
  id: string;
  title: string | null;
  filename: string;
  caseNumber: string | null;
  documentNumber: string | null;
  dated: string | null;
  /** How many policies and action plans the document holds (a compiled file holds several). */
  policyCount: number;
}

const citedColumns = (organisationId: OrganisationParam) => ({
  id: documents.id,
  title: documents.title,
  filename: documents.filename,
  caseNumber: documents.caseNumber,
  documentNumber: documents.documentNumber,
  dated: documents.dated,
  policyCount: sql<number>`(select count(*) from ${policies} where ${col(policies.documentId)} = ${col(documents.id)}
    and ${ownedBy(policies, organisationId)})::int`,
});

// By title; the id settles equal titles. Named with the table, so it also serves inside a subquery.
const citedOrder = [sql`${col(documents.title)} asc`, sql`${col(documents.id)} asc`];

/**
 * The documents a page cites, as one JSON array, for a page that reads them in the statement of
 * what cites them; `ids` is an array of ids (sourceDocumentIdArray), built once by the database.
 */
export const documentsJson = (organisationId: OrganisationParam, ids: SQL): SQL<PolicyDocument[]> =>
  jsonRows(
    citedColumns(organisationId),
    sql`FROM ${documents} WHERE ${ownedBy(documents, organisationId)} AND ${col(documents.id)} = ANY(${ids})`,
    citedOrder,
  );

/**
 * Documents that are not public: a hearing response (or its attachment) that
 * is unpublished, or a citizen's sent without consent to publish the name
 * (the same rule as the public open-data package).
 */
function withheld(ctx: Context, documentId: string) {
  return ctx.db
    .select({ one: sql`1` })
    .from(hearingResponses)
    .where(
      and(
        eq(hearingResponses.organisationId, ctx.organisationId),
        or(
          eq(hearingResponses.documentId, documentId),
          eq(hearingResponses.attachmentDocumentId, documentId),
        ),
        // or() groups its terms: a raw "a or b" inside and() would escape the organisation and document filters.
        or(
          sql`not ${hearingResponses.published}`,
          and(
            eq(hearingResponses.respondentKind, "citizen"),
            sql`not ${hearingResponses.consentToPublishName}`,
          ),
        ),
      ),
    )
    .limit(1);
}

export async function documentWithSources(ctx: Context, id: string) {
  // Read together: a public page waits for one round trip, not three one after the other.
  const [[doc], withholding, spans] = await Promise.all([
    ctx.db
      .select({
        ...documentListing,
        caseNumber: documents.caseNumber,
        documentNumber: documents.documentNumber,
        dated: documents.dated,
        text: documents.text,
      })
      .from(documents)
      .where(
        and(eq(documents.organisationId, ctx.organisationId), eq(documents.id, id), notHearingAttachment()),
      )
      .limit(1),
    withheld(ctx, id),
    ctx.db
      .select({
        id: provenance.id,
        entity: provenance.entity,
        entityId: provenance.entityId,
        field: provenance.field,
        start: provenance.start,
        end: provenance.end,
        page: provenance.page,
      })
      .from(provenance)
      .where(and(eq(provenance.organisationId, ctx.organisationId), eq(provenance.documentId, id)))
      .orderBy(asc(provenance.start), asc(provenance.end), asc(provenance.field), asc(provenance.id)),
  ]);
  if (!doc || withholding.length > 0) return undefined;
  return { document: doc, spans };
}

export type DocumentWithSources = NonNullable<Awaited<ReturnType<typeof documentWithSources>>>;
