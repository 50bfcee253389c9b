// The resources of the open-data package (DESIGN.md §4), one declaration each, in the
// order of DESIGN.md's table. Columns: DESIGN.md's first, in its order, then the columns
// the database holds beyond them, so that a full export → import loses nothing.
// Administrations and committees are referenced by code; every other reference is the
// referenced row's database UUID, which is stable across exports.
import { getTableName } from "drizzle-orm";
import * as s from "../db/schema.ts";
import {
  equalityGrounds,
  fundingStatuses,
  goalKinds,
  indicatorDirections,
  initiativeStatuses,
  policyKinds,
  policyStatuses,
} from "../domain/enums.ts";
import { normalizePeriod, parsePeriod, periodYear } from "../domain/period.ts";
import { suppressedSql, suppressionMarker } from "../domain/suppression.ts";
import { field as f, type ResourceName } from "./fields.ts";
import { type ResourceDef, sqlText } from "./resourceDef.ts";
import { notAfter, recordResources } from "./resourcesRecords.ts";

export const resources: ResourceDef[] = [
  {
    name: "administrations",
    title: "Forvaltninger",
    table: s.administrations,
    versioned: true,
    unique: [["code"]],
    matchBy: "code",
    fields: [f.id(), f.text("code", { required: true }), f.text("name", { required: true })],
  },
  {
    name: "committees",
    title: "Udvalg",
    table: s.committees,
    versioned: true,
    unique: [["code"]],
    matchBy: "code",
    fields: [f.id(), f.text("code", { required: true }), f.text("name", { required: true })],
  },
  {
    name: "policies",
    title: "Politikker og handleplaner",
    table: s.policies,
    versioned: true,
    unique: [["slug"]],
    selfRef: "parent_policy_id",
    check: (row) => notAfter(row, "period_start", "period_end"),
    fields: [
      f.id(),
      f.text("title", { required: true }),
      f.oneOf("kind", policyKinds, { required: true }),
      f.int("period_start"),
      f.int("period_end"),
      f.code("owner_administration", "administrations", "owner_administration_id"),
      f.code("owner_committee", "committees", "owner_committee_id"),
      f.ref("parent_policy_id", "policies"),
      f.date("adopted_on"),
      f.ref("document_id", "documents"),
      f.text("slug", { required: true }),
      f.oneOf("status", policyStatuses, { required: true }),
      f.text("follow_up"),
      f.text("subtitle"),
      f.list("equality_grounds", { enum: equalityGrounds }),
    ],
  },
  {
    name: "themes",
    title: "Temaer og pejlemærker",
    table: s.themes,
    versioned: true,
    unique: [["policy_id", "number"]],
    fields: [
      f.id(),
      f.ref("policy_id", "policies", { required: true }),
      f.int("number", { required: true }),
      f.text("title", { required: true }),
      f.text("description"),
    ],
  },
  {
    name: "goals",
    title: "Målsætninger og resultatmål",
    table: s.goals,
    versioned: true,
    fields: [
      f.id(),
      f.ref("policy_id", "policies", { required: true }),
      f.ref("theme_id", "themes"),
      f.oneOf("kind", goalKinds, { required: true }),
      f.text("number"),
      f.text("text", { required: true }),
      f.list("committees", {
        references: { resource: "committees", field: "code" },
        join: { table: s.goalCommittees, ownerColumn: "goal_id", otherColumn: "committee_id" },
      }),
      f.code("administration", "administrations", "administration_id"),
      f.int("sort_order", { required: true }),
    ],
  },
  {
    name: "indicators",
    title: "Indikatorer",
    table: s.indicators,
    versioned: true,
    fields: [
      f.id(),
      f.ref("goal_id", "goals", { required: true }),
      f.text("title", { required: true }),
      f.text("unit"),
      f.oneOf("direction", indicatorDirections, { required: true }),
      f.num("baseline_value"),
      f.text("baseline_period"),
      f.num("target_value"),
      f.text("target_period"),
      f.text("source"),
    ],
  },
  {
    name: "observations",
    title: "Målinger",
    description:
      "Målinger med n under diskretionsgrænsen vises ikke i den offentlige pakke: value og n er tomme, og footnote begynder med fx <5.",
    table: s.observations,
    versioned: true,
    unique: [["indicator_id", "period", "disaggregation"]],
    publicOptional: ["value"],
    check: (row) => {
      // The canonical spelling only, so that the stored period and its derived year agree.
      const canonical = normalizePeriod(row.period as string);
      return canonical.ok && canonical.value === row.period
        ? null
        : {
            field: "period",
            message: `"${row.period}" is not a period written 2018, 2018Q3, 2016/17 or 2019-2022`,
          };
    },
    extraColumns: (row) => {
      const period = parsePeriod(row.period as string);
      return { year: period.ok ? periodYear(period.value) : null };
    },
    // A figure based on fewer persons than the threshold: value and n withheld, the footnote
    // led by the marker ("<5; original footnote", or "<5" alone).
    publicView: {
      withheldFields: (t, { threshold }) => ({
        value: suppressedSql(`${t}.n`, threshold),
        n: suppressedSql(`${t}.n`, threshold),
      }),
      cells: (t, { threshold }) => ({
        footnote: `CASE WHEN ${suppressedSql(`${t}.n`, threshold)} THEN ${sqlText(suppressionMarker(threshold))} || COALESCE('; ' || NULLIF(${t}.footnote, ''), '') ELSE ${t}.footnote END`,
      }),
    },
    fields: [
      f.id(),
      f.ref("indicator_id", "indicators", { required: true }),
      f.text("period", { required: true }),
      f.num("value", { required: true }),
      f.text("disaggregation", { emptyValue: "", description: "Tom = i alt; ellers fx køn=kvinder." }),
      f.int("n", { minimum: 0 }),
      f.text("footnote"),
      f.text("source"),
    ],
  },
  {
    name: "initiatives",
    title: "Initiativer (projektbank)",
    table: s.initiatives,
    versioned: true,
    fields: [
      f.id(),
      f.ref("policy_id", "policies", { required: true }),
      f.list("goal_ids", {
        references: { resource: "goals", field: "id" },
        join: { table: s.initiativeGoals, ownerColumn: "initiative_id", otherColumn: "goal_id" },
      }),
      f.code("administration", "administrations", "administration_id"),
      f.code("committee", "committees", "committee_id"),
      f.text("title", { required: true }),
      f.text("description"),
      f.oneOf("funding_status", fundingStatuses, { required: true }),
      f.oneOf("status", initiativeStatuses, { required: true }),
      f.list("target_groups"),
      f.list("equality_grounds", { enum: equalityGrounds }),
      f.list("partners"),
      f.int("start_year"),
      f.int("end_year"),
    ],
  },
  {
    name: "budget_lines",
    title: "Økonomi",
    description: "Beløb i hele kroner (DKK); tomt år = hele perioden.",
    table: s.budgetLines,
    versioned: true,
    fields: [
      f.id(),
      f.ref("initiative_id", "initiatives", { required: true }),
      f.int("year"),
      f.int("amount_dkk", { bigint: true, description: "Hele kroner." }),
      f.num("fte", { minimum: 0, description: "Årsværk." }),
      f.oneOf("funding_status", fundingStatuses, { required: true }),
      f.text("label"),
    ],
  },
  {
    name: "annual_targets",
    title: "Årlige mål",
    table: s.annualTargets,
    versioned: true,
    fields: [
      f.id(),
      f.ref("initiative_id", "initiatives", { required: true }),
      f.int("year"),
      f.text("metric", { required: true }),
      f.num("target_value"),
      f.num("actual_value"),
      f.text("unit"),
      f.int("from_year", { description: "Et årligt mål, der gælder fra dette år." }),
    ],
  },
  ...recordResources,
];

/** The order rows are written in: every reference points at a resource written before it. */
export const writeOrder: ResourceName[] = [
  "administrations",
  "committees",
  "documents",
  "policies",
  "themes",
  "goals",
  "indicators",
  "observations",
  "initiatives",
  "budget_lines",
  "annual_targets",
  "inquiries",
  "hearings",
  "hearing_responses",
  "provenance",
];

/** The tables an import of the package writes: each resource's, and the link tables of its list fields. */
export function packageTables(): string[] {
  const tables = resources.flatMap((r) => [
    r.table,
    ...r.fields.flatMap((field) => (field.join ? [field.join.table] : [])),
  ]);
  return [...new Set(tables.map(getTableName))];
}

const byName = new Map(resources.map((r) => [r.name, r]));

export function resourceByName(name: string): ResourceDef | undefined {
  return byName.get(name as ResourceName);
}
