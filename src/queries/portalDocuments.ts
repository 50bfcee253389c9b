// A source document for the public portal: its extracted text and every span
// that a registry value was read from, so a provenance link can jump to it.
import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Context } from "../context.ts";
import { documents, hearingResponses, provenance } from "../db/schema.ts";
import { HEARING_ATTACHMENT_KIND } from "../domain/enums.ts";

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
  const [doc] = await ctx.db
    .select({
      id: documents.id,
      title: documents.title,
      filename: documents.filename,
      kind: documents.kind,
      caseNumber: documents.caseNumber,
      documentNumber: documents.documentNumber,
      dated: documents.dated,
      text: documents.text,
    })
    .from(documents)
    .where(
      and(
        eq(documents.organisationId, ctx.organisationId),
        eq(documents.id, id),
        // A respondent's attachment may name a person; it is never shown publicly.
        sql`coalesce(${documents.kind}, '') <> ${HEARING_ATTACHMENT_KIND}`,
      ),
    )
    .limit(1);
  if (!doc) return undefined;
  if ((await withheld(ctx, id)).length > 0) return undefined;
  const spans = await ctx.db
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
    .orderBy(asc(provenance.start), asc(provenance.end), asc(provenance.field), asc(provenance.id));
  return { document: doc, spans };
}

export type DocumentWithSources = NonNullable<Awaited<ReturnType<typeof documentWithSources>>>;
