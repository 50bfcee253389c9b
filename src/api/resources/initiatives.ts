// The project bank: initiatives, their budget lines (DKK and FTE) and annual targets.
// The initiative filters are the portal's browse page's (/initiativer).
import { z } from "@hono/zod-openapi";
import { equalityGrounds, fundingStatuses, initiativeStatuses } from "../../domain/enums.ts";
import { presentAnnualTarget } from "../../presenters/annualTarget.ts";
import { presentBudgetLine } from "../../presenters/budgetLine.ts";
import { presentInitiative } from "../../presenters/initiative.ts";
import { annualTargetQueries } from "../../queries/initiatives/annualTargets.ts";
import { budgetLineQueries } from "../../queries/initiatives/budgetLines.ts";
import { initiativeQueries } from "../../queries/initiatives/initiatives.ts";
import { defineResource } from "../resource.ts";
import { zCode, zId, zYear } from "../schema.ts";
import { exampleIds } from "./examples.ts";

const year = z.number().int().nullable();

const Initiative = z
  .object({
    id: zId,
    policy_id: zId,
    goal_ids: z.array(zId).openapi({ description: "De målsætninger, initiativet bidrager til." }),
    administration: z.string().nullable().openapi({ description: "Den ansvarlige forvaltnings kode." }),
    committee: z.string().nullable().openapi({ description: "Det ansvarlige udvalgs kode." }),
    title: z.string(),
    description: z.string().nullable(),
    funding_status: z.enum(fundingStatuses),
    status: z.enum(initiativeStatuses),
    target_groups: z.array(z.string()),
    equality_grounds: z
      .array(z.enum(equalityGrounds))
      .openapi({ description: "De diskriminationsgrunde, det angår." }),
    partners: z.array(z.string()),
    start_year: year,
    end_year: year,
    budget: z
      .array(
        z.object({
          year: year.openapi({ description: "Året; null betyder beløb for hele perioden." }),
          period_start: year.openapi({
            description: "Første år, beløbet gælder (året selv, eller periodens start).",
          }),
          period_end: year.openapi({ description: "Sidste år, beløbet gælder." }),
          amount_dkk: z.number().int().nullable().openapi({ description: "Beløb i hele kroner." }),
          fte: z.number().nullable().openapi({ description: "Årsværk." }),
        }),
      )
      .openapi({
        description:
          "Økonomien pr. år og for hele perioden, hver for sig; beløb for forskellige perioder er aldrig lagt sammen.",
      }),
  })
  .openapi("Initiative");

export const initiativeResource = defineResource({
  name: "initiatives",
  schemaName: "Initiative",
  singular: "et initiativ",
  title: "Initiativer",
  description:
    "Projektbanken: de konkrete initiativer med forvaltning, målgrupper, diskriminationsgrunde, finansiering og status. Filtrene er de samme som på portalens side Initiativer.",
  item: Initiative,
  filters: {
    administration: zCode("Kun initiativer i forvaltningen med denne kode.", "BIF").optional(),
    policy_id: zId.optional().openapi({ description: "Kun initiativer i denne politik eller handleplan." }),
    goal_id: zId.optional().openapi({ description: "Kun initiativer, der bidrager til denne målsætning." }),
    equality_ground: z
      .enum(equalityGrounds)
      .optional()
      .openapi({ description: "Kun initiativer, der angår denne grund." }),
    funding_status: z.enum(fundingStatuses).optional().openapi({ description: "Kun denne finansiering." }),
    status: z.enum(initiativeStatuses).optional().openapi({ description: "Kun denne status." }),
    year: zYear.optional().openapi({
      description:
        "Kun initiativer, der kører i året: de har en budgetlinje for året, eller deres periode (ellers politikkens) omfatter året. En periode uden slutår tæller kun startåret.",
      example: 2025,
    }),
  },
  queries: initiativeQueries,
  present: presentInitiative,
  example: {
    query: { administration: "BIF", equality_ground: "gender", year: "2025" },
    item: {
      id: exampleIds.initiative,
      policy_id: exampleIds.policy,
      goal_ids: [exampleIds.goal],
      administration: "BIF",
      committee: "BIU",
      title: "Jobmentorer til kvinder",
      description: "Mentorforløb for kvinder, der er langt fra arbejdsmarkedet.",
      funding_status: "requires_separate_funding",
      status: "planned",
      target_groups: ["kvinder uden for arbejdsmarkedet"],
      equality_grounds: ["gender", "race_ethnicity"],
      partners: [],
      start_year: 2025,
      end_year: 2027,
      budget: [
        { year: 2025, period_start: 2025, period_end: 2025, amount_dkk: 2500000, fte: 3.5 },
        { year: 2026, period_start: 2026, period_end: 2026, amount_dkk: 2500000, fte: 3.5 },
      ],
    },
  },
});

const BudgetLine = z
  .object({
    id: zId,
    initiative_id: zId,
    year: year.openapi({ description: "Året; null betyder hele perioden." }),
    amount_dkk: z.number().int().nullable().openapi({ description: "Beløb i hele kroner." }),
    fte: z.number().nullable().openapi({ description: "Årsværk." }),
    funding_status: z.enum(fundingStatuses),
    label: z.string().nullable(),
  })
  .openapi("BudgetLine");

export const budgetLineResource = defineResource({
  name: "budget_lines",
  schemaName: "BudgetLine",
  singular: "en budgetlinje",
  title: "Økonomi",
  description: "Initiativernes økonomi pr. år (eller for hele perioden) i kroner og årsværk.",
  item: BudgetLine,
  filters: {
    initiative_id: zId.optional().openapi({ description: "Kun linjer for dette initiativ." }),
    year: zYear.optional().openapi({ description: "Kun linjer for dette år.", example: 2025 }),
    funding_status: z.enum(fundingStatuses).optional().openapi({ description: "Kun denne finansiering." }),
  },
  queries: budgetLineQueries,
  present: presentBudgetLine,
  example: {
    query: { initiative_id: exampleIds.initiative },
    item: {
      id: exampleIds.budgetLine,
      initiative_id: exampleIds.initiative,
      year: 2025,
      amount_dkk: 2500000,
      fte: 3.5,
      funding_status: "in_budget_process",
      label: null,
    },
  },
});

const AnnualTarget = z
  .object({
    id: zId,
    initiative_id: zId,
    year,
    metric: z.string(),
    target_value: z.number().nullable(),
    actual_value: z
      .number()
      .nullable()
      .openapi({ description: "Det opnåede; null indtil det er indberettet." }),
    unit: z.string().nullable(),
    from_year: year.openapi({ description: "Et årligt mål, der gælder fra dette år." }),
  })
  .openapi("AnnualTarget");

export const annualTargetResource = defineResource({
  name: "annual_targets",
  schemaName: "AnnualTarget",
  singular: "et årligt mål",
  title: "Årlige mål",
  description: "Initiativernes årlige mål og det opnåede.",
  item: AnnualTarget,
  filters: {
    initiative_id: zId.optional().openapi({ description: "Kun mål for dette initiativ." }),
    year: zYear.optional().openapi({ description: "Kun mål for dette år.", example: 2024 }),
  },
  queries: annualTargetQueries,
  present: presentAnnualTarget,
  example: {
    query: { year: "2024" },
    item: {
      id: exampleIds.annualTarget,
      initiative_id: exampleIds.initiative,
      year: 2024,
      metric: "Antal forløb",
      target_value: 40,
      actual_value: 37,
      unit: "forløb",
      from_year: null,
    },
  },
});
