// The policy editor: title, kind, status, period, owner, adoption, follow-up;
// below it the policy's themes, goals and initiatives.
import { policyUpdater } from "../../../../commands/registry/policyUpdater.ts";
import { policyKinds, policyStatuses } from "../../../../domain/enums.ts";
import { policyKindLabels, policyStatusLabels } from "../../../../domain/labels.ts";
import { goalsOf } from "../../../../queries/goals.ts";
import { initiativesOf } from "../../../../queries/initiatives/initiatives.ts";
import { administrationChoices } from "../../../../queries/organisation/units.ts";
import { policyRow } from "../../../../queries/registry.ts";
import { themesOf } from "../../../../queries/themes.ts";
import type { FieldSpec } from "../fields.ts";
import { type EditorKind, hrefOf, intText, options, orNull, REGISTER, registerCrumbs, str } from "../kind.ts";
import { ChildList } from "./childList.tsx";

export const policyKind: EditorKind = {
  slug: "politikker",
  one: "politik",
  async load(ctx, id) {
    const row = await policyRow(ctx, id);
    const [admins, themeRows, goalRows, initiativeRows] = await Promise.all([
      administrationChoices(ctx),
      themesOf(ctx, row.id),
      goalsOf(ctx, row.id),
      initiativesOf(ctx, row.id),
    ]);
    const add = (slug: string, text: string) => ({ href: `${REGISTER}/${slug}/ny?under=${row.id}`, text });
    const fields: FieldSpec[] = [
      { name: "title", label: "Titel", type: "text", required: true, max: 500 },
      {
        name: "kind",
        label: "Type",
        type: "select",
        required: true,
        options: options(policyKinds, policyKindLabels),
      },
      {
        name: "status",
        label: "Status",
        type: "select",
        required: true,
        options: options(policyStatuses, policyStatusLabels),
      },
      { name: "periodStart", label: "Første år", type: "integer", min: 1900, max: 2200 },
      { name: "periodEnd", label: "Sidste år", type: "integer", min: 1900, max: 2200 },
      {
        name: "ownerAdministrationId",
        label: "Ansvarlig forvaltning",
        type: "select",
        options: admins.map((a) => ({ value: a.id, text: `${a.code} – ${a.name}` })),
      },
      { name: "adoptedOn", label: "Vedtaget den", type: "date", hint: "Fx 2024-05-31." },
      { name: "followUp", label: "Opfølgning", type: "textarea", max: 20_000 },
    ];
    return {
      id: row.id,
      version: row.version,
      name: row.title,
      fields,
      values: {
        title: row.title,
        kind: row.kind,
        status: row.status,
        periodStart: intText(row.periodStart),
        periodEnd: intText(row.periodEnd),
        ownerAdministrationId: str(row.ownerAdministrationId),
        adoptedOn: str(row.adoptedOn),
        followUp: str(row.followUp),
      },
      crumbs: registerCrumbs,
      parentHref: "/admin/register",
      children: (
        <>
          <ChildList
            heading="Temaer"
            rows={themeRows.map((t) => ({ href: hrefOf("temaer", t.id), text: `${t.number}. ${t.title}` }))}
            emptyText="Politikken har ingen temaer."
            add={add("temaer", "Tilføj tema")}
          />
          <ChildList
            heading="Mål"
            rows={goalRows.map((g) => ({
              href: hrefOf("maal", g.id),
              text: g.number ? `${g.number}. ${g.text}` : g.text,
            }))}
            emptyText="Politikken har ingen mål."
            add={add("maal", "Tilføj mål")}
          />
          <ChildList
            heading="Initiativer"
            rows={initiativeRows.map((i) => ({ href: hrefOf("initiativer", i.id), text: i.title }))}
            emptyText="Politikken har ingen initiativer."
            add={add("initiativer", "Tilføj initiativ")}
          />
        </>
      ),
    };
  },
  check(v) {
    const start = v.periodStart as number | null;
    const end = v.periodEnd as number | null;
    return start && end && start > end
      ? [{ fieldId: "periodEnd", message: "Sidste år kan ikke ligge før første år." }]
      : [];
  },
  save(ctx, id, version, v) {
    return policyUpdater(ctx, {
      id,
      version,
      title: v.title,
      kind: v.kind,
      status: v.status,
      periodStart: v.periodStart,
      periodEnd: v.periodEnd,
      ownerAdministrationId: orNull(v.ownerAdministrationId),
      adoptedOn: orNull(v.adoptedOn),
      followUp: orNull(v.followUp),
    });
  },
};
