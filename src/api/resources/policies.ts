// Policies and action plans, their themes (pejlemærker) and goals.
import { z } from "@hono/zod-openapi";
import { equalityGrounds, goalKinds, policyKinds, policyStatuses } from "../../domain/enums.ts";
import { presentGoal } from "../../presenters/goal.ts";
import { presentPolicy } from "../../presenters/policy.ts";
import { presentTheme } from "../../presenters/theme.ts";
import { goalQueries } from "../../queries/goals.ts";
import { policyQueries } from "../../queries/policies/policies.ts";
import { themeQueries } from "../../queries/themes.ts";
import { defineResource } from "../resource.ts";
import { zCode, zDate, zId } from "../schema.ts";
import { exampleIds } from "./examples.ts";

const code = z.string().nullable();

const Policy = z
  .object({
    id: zId,
    title: z.string(),
    kind: z.enum(policyKinds),
    period_start: z.number().int().nullable().openapi({ description: "Første år i perioden." }),
    period_end: z.number().int().nullable().openapi({ description: "Sidste år i perioden." }),
    owner_administration: code.openapi({ description: "Den ansvarlige forvaltnings kode." }),
    owner_committee: code.openapi({ description: "Det ansvarlige udvalgs kode." }),
    parent_policy_id: zId.nullable().openapi({ description: "Den politik, en handleplan hører under." }),
    adopted_on: zDate.nullable(),
    document_id: zId.nullable().openapi({ description: "Det dokument, politikken er læst fra." }),
    slug: z.string().openapi({ description: "Sidens adresse på portalen: /politikker/{slug}." }),
    status: z.enum(policyStatuses),
    follow_up: z.string().nullable().openapi({ description: "Hvordan politikken følges op." }),
    subtitle: z.string().nullable().openapi({ description: "Politikkens undertitel." }),
    equality_grounds: z
      .array(z.enum(equalityGrounds))
      .openapi({ description: "De diskriminationsgrunde, politikken angår." }),
  })
  .openapi("Policy");

export const policyResource = defineResource({
  name: "policies",
  schemaName: "Policy",
  singular: "en politik",
  title: "Politikker",
  description: "Politikker, handleplaner, udvalgshandleplaner og statusrapporter.",
  item: Policy,
  filters: {
    kind: z.enum(policyKinds).optional().openapi({ description: "Kun denne slags." }),
    status: z.enum(policyStatuses).optional().openapi({ description: "Kun politikker med denne status." }),
    owner_administration: zCode("Kun politikker, som denne forvaltning ejer.", "ØKF").optional(),
    parent_policy_id: zId.optional().openapi({ description: "Kun handleplaner under denne politik." }),
  },
  queries: policyQueries,
  present: presentPolicy,
  example: {
    query: { kind: "action_plan" },
    item: {
      id: exampleIds.policy,
      title: "Handleplan for ligestilling 2024–2025",
      kind: "action_plan",
      period_start: 2024,
      period_end: 2025,
      owner_administration: "ØKF",
      owner_committee: "ØU",
      parent_policy_id: "0b8f3c52-6f0e-4f4e-9d1a-5a2c1e7b9d10",
      adopted_on: "2023-12-14",
      document_id: exampleIds.document,
      slug: "handleplan-for-ligestilling-2024-2025",
      status: "adopted",
      follow_up: "Årlig status til Økonomiudvalget.",
      subtitle: null,
      equality_grounds: ["gender"],
    },
  },
});

const Theme = z
  .object({
    id: zId,
    policy_id: zId,
    number: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
  })
  .openapi("Theme");

export const themeResource = defineResource({
  name: "themes",
  schemaName: "Theme",
  singular: "et tema",
  title: "Temaer",
  description: "Temaer og pejlemærker: en politiks overordnede indsatsområder, nummereret.",
  item: Theme,
  filters: { policy_id: zId.optional().openapi({ description: "Kun temaer i denne politik." }) },
  queries: themeQueries,
  present: presentTheme,
  example: {
    query: { policy_id: exampleIds.policy },
    item: {
      id: exampleIds.theme,
      policy_id: exampleIds.policy,
      number: 1,
      title: "Flere i job",
      description: null,
    },
  },
});

const Goal = z
  .object({
    id: zId,
    policy_id: zId,
    theme_id: zId.nullable(),
    kind: z.enum(goalKinds),
    number: z.string().nullable().openapi({ description: "Nummeret, som politikken skriver det, fx 1.2." }),
    text: z.string(),
    committees: z.array(z.string()).openapi({ description: "De ansvarlige udvalgs koder." }),
    administration: code.openapi({ description: "Den ansvarlige forvaltnings kode." }),
    sort_order: z.number().int(),
  })
  .openapi("Goal");

export const goalResource = defineResource({
  name: "goals",
  schemaName: "Goal",
  singular: "en målsætning",
  title: "Målsætninger",
  description: "Målsætninger og resultatmål i politikkerne.",
  item: Goal,
  filters: {
    policy_id: zId.optional().openapi({ description: "Kun mål i denne politik." }),
    theme_id: zId.optional().openapi({ description: "Kun mål under dette tema." }),
    kind: z.enum(goalKinds).optional().openapi({ description: "Kun denne slags mål." }),
    committee: zCode("Kun mål, som dette udvalg er ansvarligt for.", "BIU").optional(),
  },
  queries: goalQueries,
  present: presentGoal,
  example: {
    query: { policy_id: exampleIds.policy, kind: "result_goal" },
    item: {
      id: exampleIds.goal,
      policy_id: exampleIds.policy,
      theme_id: exampleIds.theme,
      kind: "result_goal",
      number: "1.2",
      text: "Flere unge gennemfører en ungdomsuddannelse.",
      committees: ["BUU", "ØU"],
      administration: "BUF",
      sort_order: 2,
    },
  },
});
