// The record-keeping resources of the package: documents and where facts were read in
// them (provenance), inquiries from politicians, hearings and hearing responses. The
// registry resources are in resources.ts, which lists all of them in order.
import * as s from "../db/schema.ts";
import { HEARING_ATTACHMENT_KIND, hearingStates, inquiryStates, respondentKinds } from "../domain/enums.ts";
import { field as f, type ResourceName } from "./fields.ts";
import { type ParsedRow, type ResourceDef, sqlText } from "./resourceDef.ts";

/** Provenance names entities in the singular (as the ingest does); the resource each lives in. */
export const provenanceEntities: Record<string, ResourceName> = {
  administration: "administrations",
  committee: "committees",
  document: "documents",
  policy: "policies",
  theme: "themes",
  goal: "goals",
  indicator: "indicators",
  observation: "observations",
  initiative: "initiatives",
  budget_line: "budget_lines",
  annual_target: "annual_targets",
  inquiry: "inquiries",
  hearing: "hearings",
  hearing_response: "hearing_responses",
};

/** A rule such as period_start ≤ period_end, reported on the later column. */
export const notAfter = (row: ParsedRow, first: string, last: string) => {
  const a = row[first];
  const b = row[last];
  return a === null || b === null || a === undefined || b === undefined || a <= b
    ? null
    : { field: last, message: `${String(b)} is before ${first} ${String(a)}` };
};

export const recordResources: ResourceDef[] = [
  {
    name: "documents",
    title: "Dokumenter",
    description: "Den offentlige pakke udelader dokumenternes tekst og lagersti.",
    table: s.documents,
    versioned: true,
    unique: [["sha256"]],
    matchBy: "sha256",
    selfRef: "previous_version_id",
    // Attachments to public hearing responses may name private persons: never in the public
    // package. A document of no kind is public (the view fails closed on NULL, so it says so).
    publicView: {
      withheld: (t) => `${t}.kind IS NOT DISTINCT FROM ${sqlText(HEARING_ATTACHMENT_KIND)}`,
      cells: () => ({ text: "NULL", storage_path: "NULL" }),
    },
    fields: [
      f.id(),
      f.text("filename", { required: true }),
      f.text("media_type", { required: true }),
      f.text("sha256", { required: true, pattern: "^[0-9a-f]{64}$" }),
      f.text("title"),
      f.text("case_number"),
      f.text("document_number"),
      f.date("dated"),
      f.int("size", { required: true, minimum: 0 }),
      f.text("kind"),
      f.ref("previous_version_id", "documents"),
      f.text("text", { emptyValue: "" }),
      f.text("storage_path"),
    ],
  },
  {
    name: "provenance",
    title: "Kilder",
    description: "Hvor en oplysning er læst: dokument, tegnpositioner (start, end) og citat.",
    table: s.provenance,
    versioned: false,
    check: (row) => notAfter(row, "start", "end"),
    extraColumns: (row, refs) => ({
      entityId: refs.id(provenanceEntities[row.entity as string]!, row.entity_id as string),
    }),
    publicView: {
      withheld: (t, view) => view.quotesWithheld(`${t}.entity_id`, `${t}.field`, `${t}.organisation_id`),
    },
    fields: [
      f.oneOf("entity", Object.keys(provenanceEntities), { required: true }),
      f.text("entity_id", { required: true, format: "uuid" }),
      f.text("field", { required: true }),
      f.ref("document_id", "documents", { required: true }),
      f.int("start", { required: true, minimum: 0 }),
      f.int("end", { required: true, minimum: 0 }),
      f.text("quote", { required: true }),
      f.id(),
      f.int("page"),
    ],
  },
  {
    name: "inquiries",
    title: "Spørgsmål fra politikere",
    table: s.inquiries,
    versioned: true,
    check: (row) => {
      const questions = row.questions as unknown[];
      if (!questions.every((x) => typeof x === "string"))
        return { field: "questions", message: "must be a JSON list of texts" };
      return row.question_count === null || row.question_count === questions.length
        ? null
        : {
            field: "question_count",
            message: `${row.question_count} does not match the ${questions.length} questions`,
          };
    },
    publicView: {
      // A draft answer is not public until it is sent.
      withheldFields: (t) => ({ answer: `${t}.state IS DISTINCT FROM 'sent'` }),
      cells: () => ({ scope: "NULL" }),
    },
    fields: [
      f.id(),
      f.text("asked_by", { required: true }),
      f.date("asked_on"),
      f.date("answered_on"),
      f.code("administration", "administrations", "administration_id"),
      f.text("signed_by"),
      f.text("case_number"),
      f.text("document_number"),
      f.int("question_count", { derived: "jsonb_array_length(t.questions)" }),
      f.ref("document_id", "documents"),
      f.date("due_on"),
      { name: "questions", type: "array", emptyValue: [] },
      f.text("answer"),
      f.oneOf("state", inquiryStates, { required: true }),
      { name: "scope", type: "object", emptyValue: {} },
      f.list("administrations", {
        references: { resource: "administrations", field: "code" },
        join: {
          table: s.inquiryAdministrations,
          ownerColumn: "inquiry_id",
          otherColumn: "administration_id",
        },
      }),
      f.text("signer_title"),
    ],
  },
  {
    name: "hearings",
    title: "Høringer",
    description: "Den offentlige pakke har kun høringer, der er åbnet (ikke kladder).",
    table: s.hearings,
    versioned: true,
    // A hearing not yet opened is not public (as on the portal and in the API).
    publicView: { withheld: (t) => `${t}.state = 'draft'` },
    check: (row) => notAfter(row, "opens_on", "closes_on"),
    fields: [
      f.id(),
      f.ref("policy_id", "policies"),
      f.text("title", { required: true }),
      f.date("opens_on"),
      f.date("closes_on"),
      f.oneOf("state", hearingStates, { required: true }),
      f.list("invited"),
      f.ref("draft_document_id", "documents"),
      f.ref("adopted_document_id", "documents"),
    ],
  },
  {
    name: "hearing_responses",
    title: "Høringssvar",
    description: "Den offentlige pakke har kun offentliggjorte svar, og borgeres navne kun med samtykke.",
    table: s.hearingResponses,
    versioned: true,
    check: (row) => notAfter(row, "period_start", "period_end"),
    publicView: {
      // Unpublished, or a response to a hearing that is not public.
      withheld: (t, view) =>
        `(${t}.published IS NOT TRUE OR ${view.withheldRow("hearings", `${t}.hearing_id`, `${t}.organisation_id`)})`,
      // A citizen's name only with consent.
      withheldFields: (t) => ({
        from_name: `(${t}.respondent_kind = 'citizen' AND ${t}.consent_to_publish_name IS NOT TRUE)`,
      }),
      // The attachment document is withheld (see documents), so the reference goes too.
      cells: (t, view) => ({
        attachment_document_id: `CASE WHEN ${view.withheldRow("documents", `${t}.attachment_document_id`, `${t}.organisation_id`)} THEN NULL ELSE ${t}.attachment_document_id END`,
      }),
    },
    fields: [
      f.id(),
      f.text("policy_title"),
      f.code("from_committee", "committees", "from_committee_id"),
      f.text("addressed_to"),
      f.date("meeting_date"),
      f.text("signed_by"),
      f.text("case_number"),
      f.text("document_number"),
      f.list("goals_chosen"),
      f.ref("document_id", "documents"),
      f.ref("hearing_id", "hearings"),
      f.oneOf("respondent_kind", respondentKinds, { required: true }),
      f.text("from_name"),
      f.text("text"),
      { name: "positions", type: "array", emptyValue: [] },
      f.bool("consent_to_publish_name", { required: true }),
      f.bool("published", { required: true }),
      f.text("administration_comment"),
      f.ref("attachment_document_id", "documents"),
      { name: "received_at", type: "datetime", required: true },
      f.text("addressed_to_role"),
      f.int("period_start"),
      f.int("period_end"),
    ],
  },
];
