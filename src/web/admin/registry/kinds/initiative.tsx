// The initiative editor: every registry field, the goals it serves and its
// administration; below it the budget lines and the annual targets.
import { initiativeUpdater } from "../../../../commands/initiativeUpdater.ts";
import { initiativeCreator } from "../../../../commands/registry/initiativeCreator.ts";
import { equalityGrounds, fundingStatuses, initiativeStatuses } from "../../../../domain/enums.ts";
import {
  equalityGroundLabels,
  fundingStatusLabels,
  initiativeStatusLabels,
} from "../../../../domain/labels.ts";
import { formatDkk, formatFte } from "../../../../domain/money.ts";
import { formatNumberDa } from "../../../../domain/numberFormat.ts";
import { link } from "../../../../http/links.ts";
import { goalIdsOf, goalsOf } from "../../../../queries/goals.ts";
import { annualTargetsOf } from "../../../../queries/initiatives/annualTargets.ts";
import { budgetLinesOf } from "../../../../queries/initiatives/budgetLines.ts";
import { administrationChoices } from "../../../../queries/organisation/units.ts";
import { policyTitle } from "../../../../queries/policies/policies.ts";
import { initiativeRow } from "../../../../queries/registry.ts";
import { DataTable } from "../../../components/DataTable.tsx";
import { ButtonLink } from "../../../components/FormControls.tsx";
import type { FieldSpec } from "../fields.ts";
import { type EditorKind, hrefOf, intText, options, orNull, REGISTER, registerCrumbs, str } from "../kind.ts";

const num = (v: number | null) => (v === null ? "" : formatNumberDa(v));

function initiativeFields(
  admins: { id: string; code: string; name: string }[],
  goalRows: { id: string; number: string | null; text: string }[],
): FieldSpec[] {
  return [
    { name: "title", label: "Titel", type: "text", required: true, max: 500 },
    { name: "description", label: "Beskrivelse", type: "textarea", max: 20_000 },
    {
      name: "administrationId",
      label: "Forvaltning",
      type: "select",
      options: admins.map((a) => ({ value: a.id, text: `${a.code} – ${a.name}` })),
    },
    {
      name: "goalIds",
      label: "Mål, initiativet bidrager til",
      type: "checkboxes",
      options: goalRows.map((g) => ({ value: g.id, text: g.number ? `${g.number}. ${g.text}` : g.text })),
    },
    {
      name: "equalityGrounds",
      label: "Ligestillingsgrunde",
      type: "checkboxes",
      options: options(equalityGrounds, equalityGroundLabels),
    },
    { name: "targetGroups", label: "Målgrupper", type: "lines", hint: "Én målgruppe pr. linje." },
    { name: "partners", label: "Samarbejdspartnere", type: "lines", hint: "Én pr. linje." },
    {
      name: "fundingStatus",
      label: "Finansiering",
      type: "select",
      required: true,
      options: options(fundingStatuses, fundingStatusLabels),
    },
    {
      name: "status",
      label: "Status",
      type: "select",
      required: true,
      options: options(initiativeStatuses, initiativeStatusLabels),
    },
    { name: "startYear", label: "Startår", type: "integer", min: 1900, max: 2200 },
    { name: "endYear", label: "Slutår", type: "integer", min: 1900, max: 2200 },
  ];
}

/** A new initiative starts with these; goals, grounds and years are set in its editor. */
const FIRST_FIELDS = new Set(["title", "description", "administrationId", "fundingStatus", "status"]);

export const initiativeKind: EditorKind = {
  slug: "initiativer",
  one: "initiativ",
  async load(ctx, id) {
    const row = await initiativeRow(ctx, id);
    const [policy, goalRows, linked, admins, lines, targets] = await Promise.all([
      policyTitle(ctx, row.policyId),
      goalsOf(ctx, row.policyId),
      goalIdsOf(ctx, row.id),
      administrationChoices(ctx),
      budgetLinesOf(ctx, row.id),
      annualTargetsOf(ctx, row.id),
    ]);
    return {
      id: row.id,
      version: row.version,
      name: row.title,
      fields: initiativeFields(admins, goalRows),
      values: {
        title: row.title,
        description: str(row.description),
        administrationId: str(row.administrationId),
        goalIds: linked,
        equalityGrounds: row.equalityGrounds,
        targetGroups: row.targetGroups.join("\n"),
        partners: row.partners.join("\n"),
        fundingStatus: row.fundingStatus,
        status: row.status,
        startYear: intText(row.startYear),
        endYear: intText(row.endYear),
      },
      crumbs: [...registerCrumbs, { text: policy.title, href: hrefOf("politikker", policy.id) }],
      parentHref: hrefOf("politikker", policy.id),
      children: (
        <>
          <section class="mt-8">
            <h2>Budget</h2>
            <DataTable
              caption="Initiativets budgetlinjer"
              captionHidden
              rows={lines}
              emptyText="Der er ingen budgetlinjer."
              columns={[
                {
                  header: "År",
                  rowHeader: true,
                  cell: (b) => <a href={link(hrefOf("budgetlinjer", b.id))}>{b.year ?? "Hele perioden"}</a>,
                },
                {
                  header: "Beløb",
                  numeric: true,
                  cell: (b) => (b.amountDkk === null ? "" : formatDkk(b.amountDkk)),
                },
                { header: "Årsværk", numeric: true, cell: (b) => (b.fte === null ? "" : formatFte(b.fte)) },
                {
                  header: "Finansiering",
                  cell: (b) => fundingStatusLabels[b.fundingStatus as keyof typeof fundingStatusLabels],
                },
              ]}
            />
            <ButtonLink href={`${REGISTER}/budgetlinjer/ny?under=${row.id}`}>Tilføj budgetlinje</ButtonLink>
          </section>
          <section class="mt-8">
            <h2>Årlige mål</h2>
            <DataTable
              caption="Initiativets årlige mål"
              captionHidden
              rows={targets}
              emptyText="Der er ingen årlige mål."
              columns={[
                {
                  header: "År",
                  rowHeader: true,
                  cell: (t) => <a href={link(hrefOf("aarsmaal", t.id))}>{t.year ?? "Hele perioden"}</a>,
                },
                { header: "Måltal", cell: (t) => t.metric },
                { header: "Mål", numeric: true, cell: (t) => num(t.targetValue) },
                { header: "Opnået", numeric: true, cell: (t) => num(t.actualValue) },
                { header: "Enhed", cell: (t) => t.unit ?? "" },
              ]}
            />
            <ButtonLink href={`${REGISTER}/aarsmaal/ny?under=${row.id}`}>Tilføj årligt mål</ButtonLink>
          </section>
        </>
      ),
    };
  },
  check(v) {
    const start = v.startYear as number | null;
    const end = v.endYear as number | null;
    return start && end && start > end
      ? [{ fieldId: "endYear", message: "Slutåret kan ikke ligge før startåret." }]
      : [];
  },
  save(ctx, id, version, v) {
    return initiativeUpdater(ctx, {
      id,
      version,
      title: v.title,
      description: orNull(v.description),
      administrationId: orNull(v.administrationId),
      goalIds: v.goalIds,
      equalityGrounds: v.equalityGrounds,
      targetGroups: v.targetGroups,
      partners: v.partners,
      fundingStatus: v.fundingStatus,
      status: v.status,
      startYear: v.startYear,
      endYear: v.endYear,
    });
  },
  async draft(ctx, policyId) {
    const [policy, admins] = await Promise.all([policyTitle(ctx, policyId), administrationChoices(ctx)]);
    const href = hrefOf("politikker", policy.id);
    return {
      fields: initiativeFields(admins, []).filter((f) => FIRST_FIELDS.has(f.name)),
      values: { fundingStatus: "unknown", status: "planned" },
      crumbs: [...registerCrumbs, { text: policy.title, href }],
      parentHref: href,
    };
  },
  create: (ctx, policyId, v) =>
    initiativeCreator(ctx, {
      policyId,
      title: v.title,
      description: orNull(v.description),
      administrationId: orNull(v.administrationId),
      fundingStatus: v.fundingStatus,
      status: v.status,
    }),
};
