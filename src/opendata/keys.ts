// Keys across the package: primary keys unique, natural keys unique, every reference
// resolvable (ids within the package; administration and committee codes within the
// package or the organisation), and no row its own ancestor.
import type { FieldDef, ResourceName } from "./fields.ts";
import type { Problems } from "./problems.ts";
import type { ParsedTable } from "./readPackage.ts";
import type { ParsedRow } from "./resourceDef.ts";
import { provenanceEntities } from "./resourcesRecords.ts";

export type CodeResource = "administrations" | "committees";
export type ExistingCodes = Record<CodeResource, Set<string>>;

const keyOf = (row: ParsedRow, fields: string[]) => fields.map((f) => String(row[f] ?? "")).join("\u0000");

function checkUnique(table: ParsedTable, fields: string[], problems: Problems): void {
  const firstRow = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const key = keyOf(row, fields);
    const earlier = firstRow.get(key);
    if (earlier === undefined) firstRow.set(key, i + 1);
    else {
      const what = fields.length === 1 ? `${JSON.stringify(row[fields[0]!])} is` : `${fields.join(" + ")} is`;
      problems.add({
        file: table.file,
        row: i + 1,
        column: fields[fields.length - 1]!,
        message: `${what} the same as in row ${earlier}: ${fields.length === 1 && fields[0] === "id" ? "ids" : "they"} must be unique`,
      });
    }
  });
}

function referenceTargets(tables: Map<string, ParsedTable>, existing: ExistingCodes) {
  const cache = new Map<string, Set<string>>();
  return (resource: ResourceName, by: "id" | "code"): Set<string> => {
    const key = `${resource}.${by}`;
    let set = cache.get(key);
    if (!set) {
      set = new Set((tables.get(resource)?.rows ?? []).map((r) => String(r[by])));
      if (by === "code") for (const code of existing[resource as CodeResource] ?? []) set.add(code);
      cache.set(key, set);
    }
    return set;
  };
}

function danglingMessage(value: string, f: FieldDef): string {
  const target = f.references!;
  return target.field === "code"
    ? `${JSON.stringify(value)} is not the code of any row in ${target.resource}.csv or of the organisation's ${target.resource}`
    : `${JSON.stringify(value)} is not the id of any row in ${target.resource}.csv`;
}

/** Self-references (parent policy, previous document version) must not run in a circle. */
function checkCycles(table: ParsedTable, fieldName: string, problems: Problems): void {
  const parentOf = new Map(table.rows.map((r) => [r.id as string, r[fieldName] as string | null]));
  table.rows.forEach((row, i) => {
    const seen = new Set<string>([row.id as string]);
    let parent = parentOf.get(row.id as string) ?? null;
    while (parent !== null && parentOf.has(parent)) {
      if (seen.has(parent)) {
        problems.add({
          file: table.file,
          row: i + 1,
          column: fieldName,
          message: "the rows refer to each other in a circle",
        });
        return;
      }
      seen.add(parent);
      parent = parentOf.get(parent) ?? null;
    }
  });
}

export function checkKeys(
  tables: Map<string, ParsedTable>,
  existing: ExistingCodes,
  problems: Problems,
): void {
  const targets = referenceTargets(tables, existing);
  for (const table of tables.values()) {
    const { def, file } = table;
    checkUnique(table, ["id"], problems);
    for (const key of def.unique ?? []) checkUnique(table, key, problems);
    if (def.selfRef) checkCycles(table, def.selfRef, problems);
    for (const f of def.fields.filter((x) => x.references)) {
      const set = targets(f.references!.resource, f.references!.field);
      table.rows.forEach((row, i) => {
        const value = row[f.name];
        const values = f.list ? (value as string[]) : value === null ? [] : [value as string];
        for (const v of values) {
          if (!set.has(v)) problems.add({ file, row: i + 1, column: f.name, message: danglingMessage(v, f) });
        }
      });
    }
    if (def.name === "provenance") {
      table.rows.forEach((row, i) => {
        const resource = provenanceEntities[row.entity as string]!;
        if (!targets(resource, "id").has(row.entity_id as string)) {
          problems.add({
            file,
            row: i + 1,
            column: "entity_id",
            message: `${JSON.stringify(row.entity_id)} is not the id of any row in ${resource}.csv`,
          });
        }
      });
    }
  }
}
