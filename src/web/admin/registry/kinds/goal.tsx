// The goal editor: text, number, kind, theme and responsible administration;
// below it the goal's indicators. Goals are added under a policy.
import { goalCreator } from "../../../../commands/registry/goalCreator.ts";
import { goalUpdater } from "../../../../commands/registry/goalUpdater.ts";
import type { Context } from "../../../../context.ts";
import { goalKinds } from "../../../../domain/enums.ts";
import { goalKindLabels } from "../../../../domain/labels.ts";
import { indicatorsOf } from "../../../../queries/indicators/indicators.ts";
import { administrationChoices } from "../../../../queries/organisation/units.ts";
import { policyTitle } from "../../../../queries/policies/policies.ts";
import { goalRow } from "../../../../queries/registry.ts";
import { themesOf } from "../../../../queries/themes.ts";
import type { FieldSpec } from "../fields.ts";
import { type EditorKind, hrefOf, intText, options, orNull, REGISTER, registerCrumbs, str } from "../kind.ts";
import { ChildList } from "./childList.tsx";

async function goalForm(ctx: Context, policyId: string) {
  const [policy, themeRows, admins] = await Promise.all([
    policyTitle(ctx, policyId),
    themesOf(ctx, policyId),
    administrationChoices(ctx),
  ]);
  const fields: FieldSpec[] = [
    { name: "text", label: "Tekst", type: "textarea", required: true, max: 5_000 },
    { name: "number", label: "Nummer", type: "text", max: 20 },
    {
      name: "kind",
      label: "Type",
      type: "select",
      required: true,
      options: options(goalKinds, goalKindLabels),
    },
    {
      name: "themeId",
      label: "Tema",
      type: "select",
      options: themeRows.map((t) => ({ value: t.id, text: `${t.number}. ${t.title}` })),
    },
    {
      name: "administrationId",
      label: "Ansvarlig forvaltning",
      type: "select",
      options: admins.map((a) => ({ value: a.id, text: `${a.code} – ${a.name}` })),
    },
    { name: "sortOrder", label: "Rækkefølge", type: "integer", required: true, min: 0, max: 100_000 },
  ];
  const href = hrefOf("politikker", policy.id);
  return { fields, crumbs: [...registerCrumbs, { text: policy.title, href }], parentHref: href };
}

const input = (v: Record<string, unknown>) => ({
  text: v.text,
  number: orNull(v.number),
  kind: v.kind,
  themeId: orNull(v.themeId),
  administrationId: orNull(v.administrationId),
  sortOrder: v.sortOrder,
});

export const goalKind: EditorKind = {
  slug: "maal",
  one: "mål",
  async load(ctx, id) {
    const row = await goalRow(ctx, id);
    const [form, indicatorRows] = await Promise.all([goalForm(ctx, row.policyId), indicatorsOf(ctx, row.id)]);
    return {
      id: row.id,
      version: row.version,
      name: row.number ? `${row.number}. ${row.text}` : row.text,
      ...form,
      values: {
        text: row.text,
        number: str(row.number),
        kind: row.kind,
        themeId: str(row.themeId),
        administrationId: str(row.administrationId),
        sortOrder: intText(row.sortOrder),
      },
      children: (
        <ChildList
          heading="Indikatorer"
          rows={indicatorRows.map((i) => ({ href: hrefOf("indikatorer", i.id), text: i.title }))}
          emptyText="Målet har ingen indikatorer."
          add={{ href: `${REGISTER}/indikatorer/ny?under=${row.id}`, text: "Tilføj indikator" }}
        />
      ),
    };
  },
  save: (ctx, id, version, v) => goalUpdater(ctx, { id, version, ...input(v) }),
  async draft(ctx, policyId) {
    return { ...(await goalForm(ctx, policyId)), values: { kind: "goal", sortOrder: "0" } };
  },
  create: (ctx, policyId, v) => goalCreator(ctx, { policyId, ...input(v) }),
};
