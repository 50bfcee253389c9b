// The theme editor: number, title, description.
import { themeCreator } from "../../../../commands/registry/themeCreator.ts";
import { themeUpdater } from "../../../../commands/registry/themeUpdater.ts";
import { policyTitle } from "../../../../queries/policies/policies.ts";
import { themeRow } from "../../../../queries/registry.ts";
import type { FieldSpec } from "../fields.ts";
import { type EditorKind, hrefOf, orNull, registerCrumbs, str } from "../kind.ts";

const fields: FieldSpec[] = [
  { name: "number", label: "Nummer", type: "integer", required: true, min: 1, max: 999 },
  { name: "title", label: "Titel", type: "text", required: true, max: 500 },
  { name: "description", label: "Beskrivelse", type: "textarea", max: 20_000 },
];

export const themeKind: EditorKind = {
  slug: "temaer",
  one: "tema",
  async load(ctx, id) {
    const row = await themeRow(ctx, id);
    const policy = await policyTitle(ctx, row.policyId);
    return {
      id: row.id,
      version: row.version,
      name: `${row.number}. ${row.title}`,
      fields,
      values: { number: String(row.number), title: row.title, description: str(row.description) },
      crumbs: [...registerCrumbs, { text: policy.title, href: hrefOf("politikker", policy.id) }],
      parentHref: hrefOf("politikker", policy.id),
    };
  },
  save(ctx, id, version, v) {
    return themeUpdater(ctx, {
      id,
      version,
      number: v.number,
      title: v.title,
      description: orNull(v.description),
    });
  },
  async draft(ctx, policyId) {
    const policy = await policyTitle(ctx, policyId);
    const href = hrefOf("politikker", policy.id);
    return {
      fields,
      values: {},
      crumbs: [...registerCrumbs, { text: policy.title, href }],
      parentHref: href,
    };
  },
  create: (ctx, policyId, v) =>
    themeCreator(ctx, { policyId, number: v.number, title: v.title, description: orNull(v.description) }),
};
