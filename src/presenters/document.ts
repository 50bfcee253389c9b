// A source document's metadata. Never its text or where the file is stored.
import type { DocumentRow } from "../queries/documents.ts";

export function presentDocument(row: DocumentRow) {
  return {
    id: row.id,
    filename: row.filename,
    media_type: row.mediaType,
    sha256: row.sha256,
    title: row.title,
    case_number: row.caseNumber,
    document_number: row.documentNumber,
    dated: row.dated,
    size: row.size,
    kind: row.kind,
    previous_version_id: row.previousVersionId,
  };
}
