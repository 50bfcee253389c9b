// A measurement of an indicator: add, edit, delete. The period is read as the
// domain reads periods (src/domain/period.ts) and stored canonically.
import { observationDeleter } from "../../../../commands/registry/deleters.ts";
import { observationSaver } from "../../../../commands/registry/observationSaver.ts";
import type { Context } from "../../../../context.ts";
import { indicatorRow, observationRow } from "../../../../queries/registry.ts";
import { decimalText, type FieldSpec } from "../fields.ts";
import { type EditorKind, hrefOf, intText, orNull, registerCrumbs, str } from "../kind.ts";

const fields: FieldSpec[] = [
  {
    name: "period",
    label: "Periode",
    type: "period",
    required: true,
    hint: "Fx 2018, 2018Q3, 2016/17 eller 2019-2022.",
  },
  { name: "value", label: "Værdi", type: "decimal", required: true },
  {
    name: "disaggregation",
    label: "Opdeling",
    type: "text",
    max: 200,
    hint: "Tom for totalen; ellers fx køn=kvinder.",
  },
  {
    name: "n",
    label: "Antal bag tallet (n)",
    type: "integer",
    min: 0,
    hint: "Tal under 5 vises ikke offentligt.",
  },
  { name: "footnote", label: "Fodnote", type: "text", max: 2_000 },
  { name: "source", label: "Kilde", type: "text", max: 2_000 },
];

async function parentOf(ctx: Context, indicatorId: string) {
  const indicator = await indicatorRow(ctx, indicatorId);
  const href = hrefOf("indikatorer", indicator.id);
  return { crumbs: [...registerCrumbs, { text: indicator.title, href }], parentHref: href };
}

const input = (v: Record<string, unknown>) => ({
  period: v.period,
  value: v.value,
  disaggregation: v.disaggregation ?? "",
  n: v.n,
  footnote: orNull(v.footnote),
  source: orNull(v.source),
});

export const observationKind: EditorKind = {
  slug: "maalinger",
  one: "måling",
  async load(ctx, id) {
    const row = await observationRow(ctx, id);
    return {
      id: row.id,
      version: row.version,
      name: row.disaggregation ? `${row.period} (${row.disaggregation})` : row.period,
      fields,
      values: {
        period: row.period,
        value: decimalText(row.value),
        disaggregation: row.disaggregation,
        n: intText(row.n),
        footnote: str(row.footnote),
        source: str(row.source),
      },
      ...(await parentOf(ctx, row.indicatorId)),
    };
  },
  save: (ctx, id, version, v) => observationSaver(ctx, { id, version, ...input(v) }),
  async draft(ctx, indicatorId) {
    return { fields, values: {}, ...(await parentOf(ctx, indicatorId)) };
  },
  create: (ctx, indicatorId, v) => observationSaver(ctx, { indicatorId, ...input(v) }),
  remove: (ctx, id, version) => observationDeleter(ctx, { id, version }),
};
