// Inquiries from council members, hearings and the published hearing responses.
import { z } from "@hono/zod-openapi";
import { hearingStates, inquiryStates, respondentKinds } from "../../domain/enums.ts";
import { presentHearing } from "../../presenters/hearing.ts";
import { presentHearingResponse } from "../../presenters/hearingResponse.ts";
import { presentInquiry } from "../../presenters/inquiry.ts";
import { hearingQueries } from "../../queries/hearings/hearings.ts";
import { hearingResponseQueries } from "../../queries/hearings/responses.ts";
import { inquiryQueries } from "../../queries/inquiries/inquiries.ts";
import { defineResource } from "../resource.ts";
import { zCode, zDate, zId } from "../schema.ts";
import { exampleIds } from "./examples.ts";

const text = z.string().nullable();
const date = zDate.nullable();

const Inquiry = z
  .object({
    id: zId,
    asked_by: z.string(),
    asked_on: date,
    answered_on: date,
    administration: text.openapi({ description: "Den svarende forvaltnings kode." }),
    signed_by: text,
    case_number: text,
    document_number: text,
    question_count: z.number().int(),
    document_id: zId.nullable(),
    due_on: date,
    questions: z.array(z.string()),
    answer: text.openapi({ description: "Svaret; null indtil det er sendt." }),
    state: z.enum(inquiryStates),
    administrations: z
      .array(z.string())
      .openapi({ description: "Koderne på de forvaltninger, spørgsmålet angår." }),
    signer_title: text.openapi({ description: "Underskriverens titel." }),
  })
  .openapi("Inquiry");

export const inquiryResource = defineResource({
  name: "inquiries",
  schemaName: "Inquiry",
  singular: "et spørgsmål",
  title: "Spørgsmål",
  description: "Spørgsmål fra medlemmer af kommunalbestyrelsen og svarene på dem, når de er sendt.",
  item: Inquiry,
  filters: {
    administration: zCode("Kun spørgsmål, som forvaltningen med denne kode svarer på.", "ØKF").optional(),
    state: z.enum(inquiryStates).optional().openapi({ description: "Kun spørgsmål i denne tilstand." }),
  },
  queries: inquiryQueries,
  present: presentInquiry,
  example: {
    query: { state: "sent" },
    item: {
      id: exampleIds.inquiry,
      asked_by: "Medlem af kommunalbestyrelsen",
      asked_on: "2024-03-01",
      answered_on: "2024-03-20",
      administration: "ØKF",
      signed_by: "Kommunaldirektøren",
      case_number: "2024-0001",
      document_number: "2024-0001-3",
      question_count: 1,
      document_id: exampleIds.document,
      due_on: "2024-03-22",
      questions: ["Hvilke initiativer for ligestilling findes, og hvad koster de?"],
      answer: "Initiativerne fremgår af bilaget.",
      state: "sent",
      administrations: ["BIF", "SOF"],
      signer_title: "Kommunaldirektør",
    },
  },
});

const Hearing = z
  .object({
    id: zId,
    policy_id: zId.nullable(),
    title: z.string(),
    opens_on: date,
    closes_on: date,
    state: z.enum(hearingStates),
    invited: z.array(z.string()).openapi({ description: "De inviterede høringsparter." }),
    draft_document_id: zId.nullable(),
    adopted_document_id: zId.nullable(),
  })
  .openapi("Hearing");

export const hearingResource = defineResource({
  name: "hearings",
  schemaName: "Hearing",
  singular: "en høring",
  title: "Høringer",
  description: "Høringer over udkast til politikker.",
  item: Hearing,
  filters: {
    policy_id: zId.optional().openapi({ description: "Kun høringer om denne politik." }),
    state: z.enum(hearingStates).optional().openapi({ description: "Kun høringer i denne tilstand." }),
  },
  queries: hearingQueries,
  present: presentHearing,
  example: {
    query: {},
    item: {
      id: exampleIds.hearing,
      policy_id: exampleIds.policy,
      title: "Høring om ligestillingspolitikken",
      opens_on: "2023-09-01",
      closes_on: "2023-10-15",
      state: "summarized",
      invited: ["Handicaprådet", "Integrationsrådet"],
      draft_document_id: null,
      adopted_document_id: exampleIds.document,
    },
  },
});

const HearingResponse = z
  .object({
    id: zId,
    policy_title: text,
    from_committee: text.openapi({ description: "Det afgivende udvalgs kode." }),
    addressed_to: text,
    meeting_date: date,
    signed_by: text,
    case_number: text,
    document_number: text,
    goals_chosen: z.array(z.string()),
    document_id: zId.nullable(),
    hearing_id: zId.nullable(),
    respondent_kind: z.enum(respondentKinds),
    from_name: text.openapi({ description: "Afsenderen; en borgers navn kun med samtykke." }),
    text,
    positions: z.array(
      z.object({ section: z.string(), position: z.string().optional(), quote: z.string().optional() }),
    ),
    consent_to_publish_name: z.boolean(),
    published: z.boolean(),
    administration_comment: text,
    attachment_document_id: zId.nullable(),
    received_at: z.string().openapi({ format: "date-time" }),
    addressed_to_role: text.openapi({ description: "Modtagerens rolle, fx udvalgets formand." }),
    period_start: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Første år i den periode, svaret angår." }),
    period_end: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Sidste år i den periode, svaret angår." }),
  })
  .openapi("HearingResponse");

export const hearingResponseResource = defineResource({
  name: "hearing_responses",
  schemaName: "HearingResponse",
  singular: "et høringssvar",
  title: "Høringssvar",
  description: "Offentliggjorte høringssvar. En borgers navn vises kun, hvis borgeren har givet samtykke.",
  item: HearingResponse,
  filters: {
    hearing_id: zId.optional().openapi({ description: "Kun svar i denne høring." }),
    from_committee: zCode("Kun svar fra udvalget med denne kode.", "BUU").optional(),
    respondent_kind: z
      .enum(respondentKinds)
      .optional()
      .openapi({ description: "Kun svar fra denne slags afsender." }),
  },
  queries: hearingResponseQueries,
  present: presentHearingResponse,
  example: {
    query: { hearing_id: exampleIds.hearing },
    item: {
      id: exampleIds.hearingResponse,
      policy_title: "Ligestillingspolitik 2024–2027",
      from_committee: "BUU",
      addressed_to: "Økonomiudvalget",
      meeting_date: "2023-10-10",
      signed_by: "Formanden",
      case_number: "2023-0099",
      document_number: null,
      goals_chosen: ["1.1", "1.2"],
      document_id: exampleIds.document,
      hearing_id: exampleIds.hearing,
      respondent_kind: "committee",
      from_name: null,
      text: "Udvalget støtter politikken.",
      positions: [{ section: "1.2", position: "støtter" }],
      consent_to_publish_name: false,
      published: true,
      administration_comment: null,
      attachment_document_id: null,
      received_at: "2023-10-11T08:30:00.000000Z",
      addressed_to_role: null,
      period_start: 2024,
      period_end: 2027,
    },
  },
});
