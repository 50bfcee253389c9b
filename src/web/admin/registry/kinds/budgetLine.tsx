// A budget line of an initiative: a year or the whole period, kroner, FTE,
// funding status; add, edit, delete.

import { budgetLineSaver } from "../../../../commands/registry/budgetLineSaver.ts";
import { budgetLineDeleter } from "../../../../commands/registry/deleters.ts";
import type { Context } from "../../../../context.ts";
import { fundingStatuses } from "../../../../domain/enums.ts";
import { fundingStatusLabels } from "../../../../domain/labels.ts";
import { budgetLineRow, initiativeRow } from "../../../../queries/registry.ts";
import { decimalText, dkkText, type FieldSpec } from "../fields.ts";
import { type EditorKind, hrefOf, intText, options, orNull, registerCrumbs, str } from "../kind.ts";

const fields: FieldSpec[] = [
  { name: "year", label: "År", type: "integer", min: 1900, max: 2200, hint: "Tom for hele perioden." },
  { name: "amountDkk", label: "Beløb i kr.", type: "dkk", hint: "Fx 250.000 eller 2,5 mio." },
  { name: "fte", label: "Årsværk", type: "fte", hint: "Fx 1,5." },
  {
    name: "fundingStatus",
    label: "Finansiering",
    type: "select",
    required: true,
    options: options(fundingStatuses, fundingStatusLabels),
  },
  { name: "label", label: "Betegnelse", type: "text", max: 500 },
];

async function parentOf(ctx: Context, initiativeId: string) {
  const initiative = await initiativeRow(ctx, initiativeId);
  const href = hrefOf("initiativer", initiative.id);
  return { crumbs: [...registerCrumbs, { text: initiative.title, href }], parentHref: href };
}

const input = (v: Record<string, unknown>) => ({
  year: v.year,
  amountDkk: v.amountDkk,
  fte: v.fte,
  fundingStatus: v.fundingStatus,
  label: orNull(v.label),
});

export const budgetLineKind: EditorKind = {
  slug: "budgetlinjer",
  one: "budgetlinje",
  async load(ctx, id) {
    const row = await budgetLineRow(ctx, id);
    return {
      id: row.id,
      version: row.version,
      name: row.year === null ? "Hele perioden" : String(row.year),
      fields,
      values: {
        year: intText(row.year),
        amountDkk: dkkText(row.amountDkk),
        fte: decimalText(row.fte),
        fundingStatus: row.fundingStatus,
        label: str(row.label),
      },
      ...(await parentOf(ctx, row.initiativeId)),
    };
  },
  save: (ctx, id, version, v) => budgetLineSaver(ctx, { id, version, ...input(v) }),
  async draft(ctx, initiativeId) {
    return { fields, values: { fundingStatus: "unknown" }, ...(await parentOf(ctx, initiativeId)) };
  },
  create: (ctx, initiativeId, v) => budgetLineSaver(ctx, { initiativeId, ...input(v) }),
  remove: (ctx, id, version) => budgetLineDeleter(ctx, { id, version }),
};
