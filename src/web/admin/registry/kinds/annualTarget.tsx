// An annual target of an initiative: year, metric, target, actual, unit.

import { annualTargetSaver } from "../../../../commands/registry/annualTargetSaver.ts";
import { annualTargetDeleter } from "../../../../commands/registry/deleters.ts";
import type { Context } from "../../../../context.ts";
import { annualTargetRow, initiativeRow } from "../../../../queries/registry.ts";
import { decimalText, type FieldSpec } from "../fields.ts";
import { type EditorKind, hrefOf, intText, orNull, registerCrumbs, str } from "../kind.ts";

const fields: FieldSpec[] = [
  { name: "year", label: "År", type: "integer", min: 1900, max: 2200, hint: "Tom for hele perioden." },
  {
    name: "metric",
    label: "Måltal",
    type: "text",
    required: true,
    max: 500,
    hint: "Hvad der tælles, fx deltagere.",
  },
  { name: "targetValue", label: "Mål", type: "decimal" },
  { name: "actualValue", label: "Opnået", type: "decimal" },
  { name: "unit", label: "Enhed", type: "text", max: 100 },
];

async function parentOf(ctx: Context, initiativeId: string) {
  const initiative = await initiativeRow(ctx, initiativeId);
  const href = hrefOf("initiativer", initiative.id);
  return { crumbs: [...registerCrumbs, { text: initiative.title, href }], parentHref: href };
}

const input = (v: Record<string, unknown>) => ({
  year: v.year,
  metric: v.metric,
  targetValue: v.targetValue,
  actualValue: v.actualValue,
  unit: orNull(v.unit),
});

export const annualTargetKind: EditorKind = {
  slug: "aarsmaal",
  one: "årligt mål",
  async load(ctx, id) {
    const row = await annualTargetRow(ctx, id);
    return {
      id: row.id,
      version: row.version,
      name: `${row.metric}${row.year === null ? "" : ` ${row.year}`}`,
      fields,
      values: {
        year: intText(row.year),
        metric: row.metric,
        targetValue: decimalText(row.targetValue),
        actualValue: decimalText(row.actualValue),
        unit: str(row.unit),
      },
      ...(await parentOf(ctx, row.initiativeId)),
    };
  },
  save: (ctx, id, version, v) => annualTargetSaver(ctx, { id, version, ...input(v) }),
  async draft(ctx, initiativeId) {
    return { fields, values: {}, ...(await parentOf(ctx, initiativeId)) };
  },
  create: (ctx, initiativeId, v) => annualTargetSaver(ctx, { initiativeId, ...input(v) }),
  remove: (ctx, id, version) => annualTargetDeleter(ctx, { id, version }),
};
