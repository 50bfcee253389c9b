// Source documents (metadata only: never their text or storage) and provenance: where
// in which document each value was read.
import { z } from "@hono/zod-openapi";
import { presentDocument } from "../../presenters/document.ts";
import { presentProvenance } from "../../presenters/provenance.ts";
import { documentQueries } from "../../queries/documents.ts";
import { provenanceEntityNames, provenanceQueries } from "../../queries/provenance.ts";
import { defineResource } from "../resource.ts";
import { zDate, zId } from "../schema.ts";
import { exampleIds } from "./examples.ts";

const Document = z
  .object({
    id: zId,
    filename: z.string(),
    media_type: z.string(),
    sha256: z.string().openapi({ description: "SHA-256 af filens indhold (hex)." }),
    title: z.string().nullable(),
    case_number: z.string().nullable().openapi({ description: "Sagsnummer." }),
    document_number: z.string().nullable().openapi({ description: "Dokumentnummer." }),
    dated: zDate.nullable(),
    size: z.number().int().openapi({ description: "Filens størrelse i bytes." }),
    kind: z.string().nullable(),
    previous_version_id: zId.nullable().openapi({ description: "Den tidligere version af dokumentet." }),
  })
  .openapi("Document");

export const documentResource = defineResource({
  name: "documents",
  schemaName: "Document",
  singular: "et dokument",
  title: "Dokumenter",
  description: "De dokumenter, registret er læst fra: kun metadata, ikke teksten eller filen.",
  item: Document,
  filters: {
    kind: z
      .string()
      .max(50)
      .optional()
      .openapi({ description: "Kun denne slags dokument.", example: "policy" }),
  },
  queries: documentQueries,
  present: presentDocument,
  example: {
    query: {},
    item: {
      id: exampleIds.document,
      filename: "ligestillingspolitik.pdf",
      media_type: "application/pdf",
      sha256: "9f2b5c1d7e3a4b6c8d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e",
      title: "Ligestillingspolitik 2024–2027",
      case_number: "2023-0012345",
      document_number: "2023-0012345-7",
      dated: "2023-11-30",
      size: 482113,
      kind: "policy",
      previous_version_id: null,
    },
  },
});

const entity = z.enum(provenanceEntityNames);

const Provenance = z
  .object({
    entity: entity.openapi({ description: "Hvilken slags række værdien hører til (ental)." }),
    entity_id: zId,
    field: z.string().openapi({ description: "Feltet, fx title eller baseline_value." }),
    document_id: zId,
    start: z.number().int().openapi({ description: "Første tegn af citatet i dokumentets tekst." }),
    end: z.number().int().openapi({ description: "Tegnet efter citatets sidste." }),
    quote: z.string(),
    id: zId,
    page: z.number().int().nullable().openapi({ description: "Siden i PDF'en, hvor den kendes." }),
  })
  .openapi("Provenance");

export const provenanceResource = defineResource({
  name: "provenance",
  schemaName: "Provenance",
  singular: "en kilde",
  title: "Kilder",
  description:
    "Hvor hver værdi er læst: dokument, placering og citat. Kilder til værdier, der ikke er offentlige (fx diskretionerede tal), vises ikke.",
  item: Provenance,
  filters: {
    entity: entity.optional().openapi({ description: "Kun kilder til denne slags række." }),
    entity_id: zId.optional().openapi({ description: "Kun kilder til denne række." }),
    field: z
      .string()
      .max(100)
      .optional()
      .openapi({ description: "Kun kilder til dette felt.", example: "title" }),
    document_id: zId.optional().openapi({ description: "Kun kilder i dette dokument." }),
  },
  queries: provenanceQueries,
  present: presentProvenance,
  example: {
    query: { entity: "policy", entity_id: exampleIds.policy },
    item: {
      entity: "policy",
      entity_id: exampleIds.policy,
      field: "title",
      document_id: exampleIds.document,
      start: 0,
      end: 30,
      quote: "Ligestillingspolitik 2024–2027",
      id: exampleIds.provenance,
      page: 1,
    },
  },
});
