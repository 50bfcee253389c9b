// The indicator editor: title, unit, direction, baseline, target and source;
// below it the measurements, each with its editor, and "add a measurement".
import { indicatorCreator } from "../../../../commands/registry/indicatorCreator.ts";
import { indicatorUpdater } from "../../../../commands/registry/indicatorUpdater.ts";
import type { Context } from "../../../../context.ts";
import { indicatorDirections } from "../../../../domain/enums.ts";
import { indicatorDirectionLabels } from "../../../../domain/labels.ts";
import { formatNumberDa } from "../../../../domain/numberFormat.ts";
import { link } from "../../../../http/links.ts";
import { observationsOf } from "../../../../queries/indicators/observations.ts";
import { policyTitle } from "../../../../queries/policies/policies.ts";
import { goalRow, indicatorRow } from "../../../../queries/registry.ts";
import { DataTable } from "../../../components/DataTable.tsx";
import { ButtonLink } from "../../../components/FormControls.tsx";
import { decimalText, type FieldSpec } from "../fields.ts";
import { type EditorKind, hrefOf, options, orNull, REGISTER, registerCrumbs, str } from "../kind.ts";

const periodHint = "Fx 2018, 2018Q3, 2016/17 eller 2019-2022.";
const fields: FieldSpec[] = [
  { name: "title", label: "Titel", type: "text", required: true, max: 500 },
  { name: "unit", label: "Enhed", type: "text", max: 100, hint: "Fx pct. eller personer." },
  {
    name: "direction",
    label: "Retning",
    type: "select",
    required: true,
    options: options(indicatorDirections, indicatorDirectionLabels),
  },
  { name: "baselineValue", label: "Udgangspunkt", type: "decimal" },
  { name: "baselinePeriod", label: "Udgangspunktets periode", type: "period", hint: periodHint },
  { name: "targetValue", label: "Målværdi", type: "decimal" },
  { name: "targetPeriod", label: "Målets periode", type: "period", hint: periodHint },
  { name: "source", label: "Kilde", type: "text", max: 2_000 },
];

async function parentOf(ctx: Context, goalId: string) {
  const goal = await goalRow(ctx, goalId);
  const policy = await policyTitle(ctx, goal.policyId);
  const href = hrefOf("maal", goal.id);
  return {
    crumbs: [
      ...registerCrumbs,
      { text: policy.title, href: hrefOf("politikker", policy.id) },
      { text: goal.number ? `Mål ${goal.number}` : "Mål", href },
    ],
    parentHref: href,
  };
}

const input = (v: Record<string, unknown>) => ({
  title: v.title,
  unit: orNull(v.unit),
  direction: v.direction,
  baselineValue: v.baselineValue,
  baselinePeriod: v.baselinePeriod,
  targetValue: v.targetValue,
  targetPeriod: v.targetPeriod,
  source: orNull(v.source),
});

export const indicatorKind: EditorKind = {
  slug: "indikatorer",
  one: "indikator",
  async load(ctx, id) {
    const row = await indicatorRow(ctx, id);
    const goal = { id: row.goalId };
    const rows = await observationsOf(ctx, row.id);
    return {
      id: row.id,
      version: row.version,
      name: row.title,
      fields,
      values: {
        title: row.title,
        unit: str(row.unit),
        direction: row.direction,
        baselineValue: decimalText(row.baselineValue),
        baselinePeriod: str(row.baselinePeriod),
        targetValue: decimalText(row.targetValue),
        targetPeriod: str(row.targetPeriod),
        source: str(row.source),
      },
      ...(await parentOf(ctx, goal.id)),
      children: (
        <section class="mt-8">
          <h2>Målinger</h2>
          <DataTable
            caption="Målinger af indikatoren"
            captionHidden
            rows={rows}
            emptyText="Der er ingen målinger endnu."
            columns={[
              {
                header: "Periode",
                rowHeader: true,
                cell: (o) => (
                  <a href={link(hrefOf("maalinger", o.id))}>
                    {o.period}
                    {o.disaggregation ? ` (${o.disaggregation})` : ""}
                  </a>
                ),
              },
              { header: "Værdi", numeric: true, cell: (o) => formatNumberDa(o.value) },
              { header: "n", numeric: true, cell: (o) => (o.n === null ? "" : formatNumberDa(o.n)) },
              { header: "Kilde", cell: (o) => o.source ?? "" },
            ]}
          />
          <ButtonLink href={`${REGISTER}/maalinger/ny?under=${row.id}`}>Tilføj måling</ButtonLink>
        </section>
      ),
    };
  },
  save: (ctx, id, version, v) => indicatorUpdater(ctx, { id, version, ...input(v) }),
  async draft(ctx, goalId) {
    return { fields, values: { direction: "increase" }, ...(await parentOf(ctx, goalId)) };
  },
  create: (ctx, goalId, v) => indicatorCreator(ctx, { goalId, ...input(v) }),
};
