// The public package's view (each resource's `publicView`) built into the export's queries:
// the values that replace columns, the condition that keeps a row, and, for provenance,
// whether a source quotes anything withheld. The database applies the view as it reads, so a
// public resource is written by COPY like any other and nothing is remembered between
// resources: what provenance may not quote is asked of the quoted rows themselves.
// It fails closed: a row or value is public only where its condition is known to be false,
// so a condition that comes out NULL (a comparison with an empty column, say) withholds.
import { getTableName } from "drizzle-orm";
import { quoteIdentifier } from "../db/identifier.ts";
import type { ResourceName } from "./fields.ts";
import { type PublicSql, type ResourceDef, sqlText } from "./resourceDef.ts";
import { resourceByName } from "./resources.ts";
import { provenanceEntities } from "./resourcesRecords.ts";

/** The public package's settings: n below `threshold` is suppressed. */
export interface PublicSettings {
  threshold: number;
}

/** A resource's public view in one query, on the row alias `t`. */
export interface PublicQuery {
  /** Field → the SQL value written instead of the column's. */
  cells: Map<string, string>;
  /** The condition a row is shown on, or null for every row. */
  shown: string | null;
}

const q = quoteIdentifier;

/** The condition withholds unless it is false: NULL (unknown) withholds too. */
const withholds = (condition: string) => `(${condition}) IS NOT FALSE`;

/** One query's view: nested lookups get aliases of their own (w1, w2, …). */
function viewSql(threshold: number): PublicSql {
  let aliases = 0;
  // Whether the row `id` of the organisation is withheld; with `othersWithheld`, a row of
  // another organisation counts as withheld too (a source must not quote it).
  const lookup = (
    def: ResourceDef,
    id: string,
    organisation: string,
    condition: (row: string) => string,
    othersWithheld = false,
  ) => {
    const w = `w${++aliases}`;
    const withheld = othersWithheld
      ? `(${w}.organisation_id <> ${organisation} OR ${withholds(condition(w))})`
      : `${w}.organisation_id = ${organisation} AND ${withholds(condition(w))}`;
    return `EXISTS (SELECT 1 FROM ${q(getTableName(def.table))} ${w} WHERE ${w}.id = ${id} AND ${withheld})`;
  };
  const view: PublicSql = {
    threshold,
    withheldRow(resource, id, organisation) {
      const def = resourceByName(resource)!;
      const withheld = def.publicView?.withheld;
      return withheld ? lookup(def, id, organisation, (w) => withheld(w, view)) : "false";
    },
    quotesWithheld(id, field, organisation) {
      // Every resource a source can name, by id only (a source's `entity` is not trusted to
      // say which); one of another organisation is withheld, as in the API (queries/provenance.ts).
      const conditions = [...new Set(Object.values(provenanceEntities))].flatMap((name: ResourceName) => {
        const def = resourceByName(name)!;
        const { withheld, withheldFields } = def.publicView ?? {};
        if (!withheld && !withheldFields) return [];
        return [
          lookup(
            def,
            id,
            organisation,
            (w) =>
              [
                ...(withheld ? [`(${withheld(w, view)})`] : []),
                ...Object.entries(withheldFields?.(w, view) ?? {}).map(
                  ([name, when]) => `(${field} = ${sqlText(name)} AND (${when}))`,
                ),
              ].join(" OR "),
            true,
          ),
        ];
      });
      return conditions.length ? `(${conditions.join(" OR ")})` : "false";
    },
  };
  return view;
}

/** The resource's public view on the alias `t`; a resource without one shows every row as it is. */
export function publicQuery(def: ResourceDef, settings: PublicSettings): PublicQuery {
  const cells = new Map<string, string>();
  const publicView = def.publicView;
  if (!publicView) return { cells, shown: null };
  const view = viewSql(settings.threshold);
  for (const [name, when] of Object.entries(publicView.withheldFields?.("t", view) ?? {}))
    cells.set(name, `CASE WHEN ${withholds(when)} THEN NULL ELSE t.${q(columnOf(def, name))} END`);
  for (const [name, value] of Object.entries(publicView.cells?.("t", view) ?? {})) cells.set(name, value);
  const shown = publicView.withheld ? `(${publicView.withheld("t", view)}) IS FALSE` : null;
  return { cells, shown };
}

function columnOf(def: ResourceDef, name: string): string {
  const field = def.fields.find((f) => f.name === name);
  if (!field) throw new Error(`${def.name} has no field ${name}`);
  return field.column ?? field.name;
}
