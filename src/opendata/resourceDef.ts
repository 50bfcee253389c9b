// What a resource declaration holds, and the database row a CSV row becomes (the
// queries that read a resource for the export are in exportSql.ts).
import type { PgTable } from "drizzle-orm/pg-core";
import type { CellValue } from "./cells.ts";
import { columnKey, type FieldDef, type ResourceName } from "./fields.ts";

/** A CSV row after its cells were checked: field name → value. */
export type ParsedRow = Record<string, CellValue>;
/** A row as the export query returns it: field name → database value (mostly text). */
export type RawRow = Record<string, unknown>;

/** Turns the package's ids and codes into the ids they get in this organisation. */
export interface Refs {
  id(resource: ResourceName, id: string): string;
  code(resource: "administrations" | "committees", code: string): string;
}

/** A text as an SQL string literal, for the SQL of a public view. */
export function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** What a public view's SQL may ask about other rows, and the threshold it suppresses by. */
export interface PublicSql {
  /** n below this is suppressed. */
  threshold: number;
  /** Condition: `id` names a row of `resource` in `organisation` that the public package leaves out (SQL expressions). */
  withheldRow(resource: ResourceName, id: string, organisation: string): string;
  /** Condition: a source naming `id` and `field` quotes something the public package withholds. */
  quotesWithheld(id: string, field: string, organisation: string): string;
}

/**
 * The public package's view of a resource, as SQL conditions and values on its row (`row` is
 * the alias of the resource's table), so that the database applies it, streaming. Whatever
 * it withholds, a row or a field, provenance quoting it is withheld too. A condition that
 * comes out NULL withholds, as true does: only false shows.
 */
export interface PublicView {
  /** The row is left out. */
  withheld?(row: string, sql: PublicSql): string;
  /** Field → when its value is withheld from a row that is shown: the cell is emptied (unless `cells` writes it). */
  withheldFields?(row: string, sql: PublicSql): Record<string, string>;
  /** Field → the value the public package writes instead of the column's, of the column's type. */
  cells?(row: string, sql: PublicSql): Record<string, string>;
}

export interface ResourceDef {
  name: ResourceName;
  /** Danish title for datapackage.json. */
  title: string;
  description?: string;
  table: PgTable;
  fields: FieldDef[];
  /** The table has `version` (bumped when an import changes a row) and `updated_at`. */
  versioned: boolean;
  /** Natural keys that must be unique within the organisation, besides `id`. */
  unique?: string[][];
  /** A natural key by which a row of the package finds the organisation's existing row (code, sha256). */
  matchBy?: string;
  /** A field referring to a row of the same resource: parents are written first. */
  selfRef?: string;
  /** Fields that may be empty in the public package (their value is withheld there). */
  publicOptional?: string[];
  /** Cross-field rules the database also enforces, checked first for a clear message. */
  check?(row: ParsedRow): { field: string; message: string } | null;
  /** Columns computed from the row (observations.year) or needing more than a plain mapping. */
  extraColumns?(row: ParsedRow, refs: Refs): Record<string, unknown>;
  /** What the public package leaves out or empties (publicSql.ts builds it into the export's queries). */
  publicView?: PublicView;
}

type Mapping = { name: string; key: string; ref: FieldDef["references"] };
const mappings = new WeakMap<ResourceDef, Mapping[]>();

/** Which fields are written to which Drizzle key: worked out once per resource, used per row. */
function mappingOf(def: ResourceDef): Mapping[] {
  let mapping = mappings.get(def);
  if (!mapping) {
    mapping = def.fields
      .filter((f) => f.name !== "id" && !f.join && !f.derived)
      .map((f) => ({ name: f.name, key: columnKey(f), ref: f.references }));
    mappings.set(def, mapping);
  }
  return mapping;
}

/** The values a checked CSV row is written back with (Drizzle keys), ids and codes resolved. */
export function toDatabaseRow(
  def: ResourceDef,
  row: ParsedRow,
  refs: Refs,
  organisationId: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: refs.id(def.name, row.id as string), organisationId };
  for (const { name, key, ref } of mappingOf(def)) {
    const value = row[name] ?? null;
    if (ref && value !== null) {
      out[key] =
        ref.field === "id"
          ? refs.id(ref.resource, value as string)
          : refs.code(ref.resource as "administrations" | "committees", value as string);
    } else {
      out[key] = value;
    }
  }
  return Object.assign(out, def.extraColumns?.(row, refs));
}
