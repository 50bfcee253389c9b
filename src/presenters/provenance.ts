// Where a value was read: the document, the character span of its text, and the quote.
import type { ProvenanceEntity, ProvenanceRow } from "../queries/provenance.ts";

export function presentProvenance(row: ProvenanceRow) {
  return {
    entity: row.entity as ProvenanceEntity, // the query reads only these
    entity_id: row.entityId,
    field: row.field,
    document_id: row.documentId,
    start: row.start,
    end: row.end,
    quote: row.quote,
    id: row.id,
    page: row.page,
  };
}
