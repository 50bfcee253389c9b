// Indicators and their observations (målinger). Observations based on fewer persons
// than the suppression threshold carry `suppressed: true` and no value or n.
import { z } from "@hono/zod-openapi";
import { indicatorDirections, progressStatuses } from "../../domain/enums.ts";
import { presentIndicator } from "../../presenters/indicator.ts";
import { presentObservation } from "../../presenters/observation.ts";
import { indicatorQueries } from "../../queries/indicators/indicators.ts";
import { observationQueries } from "../../queries/indicators/observations.ts";
import { defineResource } from "../resource.ts";
import { zId } from "../schema.ts";
import { exampleIds } from "./examples.ts";

const period = z.string().openapi({ description: "Periode: 2018, 2018Q3, 2016/17 eller 2019-2022." });

const Indicator = z
  .object({
    id: zId,
    goal_id: zId,
    title: z.string(),
    unit: z.string().nullable(),
    direction: z.enum(indicatorDirections).openapi({ description: "Den ønskede retning." }),
    baseline_value: z.number().nullable(),
    baseline_period: period.nullable(),
    target_value: z.number().nullable(),
    target_period: period.nullable(),
    source: z.string().nullable(),
    progress: z.enum(progressStatuses).openapi({
      description:
        "Fremdrift beregnet efter samme regel som på portalen (Open SDG): fra udgangspunkt, mål, retning og målinger.",
    }),
    progress_explanation: z.string().openapi({ description: "Hvordan fremdriften er beregnet, på dansk." }),
  })
  .openapi("Indicator");

export const indicatorResource = defineResource({
  name: "indicators",
  schemaName: "Indicator",
  singular: "en indikator",
  title: "Indikatorer",
  description: "Indikatorer med udgangspunkt (baseline) og mål, som målsætningerne måles på.",
  item: Indicator,
  filters: {
    goal_id: zId.optional().openapi({ description: "Kun indikatorer for denne målsætning." }),
    policy_id: zId.optional().openapi({ description: "Kun indikatorer i denne politik." }),
  },
  queries: indicatorQueries,
  present: presentIndicator,
  example: {
    query: { goal_id: exampleIds.goal },
    item: {
      id: exampleIds.indicator,
      goal_id: exampleIds.goal,
      title: "Andel af unge med en ungdomsuddannelse",
      unit: "pct.",
      direction: "increase",
      baseline_value: 78.5,
      baseline_period: "2016/17",
      target_value: 90,
      target_period: "2025",
      source: "Danmarks Statistik",
      progress: "moderate_progress",
      progress_explanation:
        "Fra 78,5 pct. i 2016/17 til 84 pct. i 2022; med målet 90 pct. i 2025 er det moderat fremgang.",
    },
  },
});

const Observation = z
  .object({
    id: zId,
    indicator_id: zId,
    period,
    value: z.number().nullable().openapi({ description: "Værdien; null når målingen er diskretioneret." }),
    disaggregation: z
      .string()
      .openapi({ description: "Tom for i alt; ellers opdelingen, fx køn=kvinder.", example: "køn=kvinder" }),
    n: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Antal personer bag tallet; null når ukendt eller diskretioneret." }),
    footnote: z.string().nullable(),
    source: z.string().nullable(),
    suppressed: z.boolean().openapi({
      description: "Sand når n er under diskretionsgrænsen (normalt 5): så vises hverken værdi eller n.",
    }),
  })
  .openapi("Observation");

export const observationResource = defineResource({
  name: "observations",
  schemaName: "Observation",
  singular: "en måling",
  title: "Målinger",
  description:
    "Målinger af indikatorerne, også opdelt (fx på køn). En måling med n under diskretionsgrænsen har `suppressed: true`, og hverken værdi eller n vises.",
  item: Observation,
  filters: {
    indicator_id: zId.optional().openapi({ description: "Kun målinger af denne indikator." }),
    goal_id: zId.optional().openapi({ description: "Kun målinger af indikatorer for denne målsætning." }),
    period: z.string().max(20).optional().openapi({ description: "Kun denne periode.", example: "2019" }),
    disaggregation: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: "Kun denne opdeling; tom værdi giver i alt-tallene.", example: "køn=kvinder" }),
  },
  queries: observationQueries,
  present: presentObservation,
  example: {
    query: { indicator_id: exampleIds.indicator, disaggregation: "" },
    item: {
      id: exampleIds.observation,
      indicator_id: exampleIds.indicator,
      period: "2019",
      value: 81.2,
      disaggregation: "",
      n: 4210,
      footnote: null,
      source: "Danmarks Statistik",
      suppressed: false,
    },
  },
});
