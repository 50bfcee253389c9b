// One column of a resource: its Table Schema type and constraints, and where its value
// lives in the database. The export query, the Table Schema in datapackage.json, the
// import's checks and the write-back are all derived from these declarations, so they
// cannot drift apart.
import type { PgTable } from "drizzle-orm/pg-core";

export const resourceNames = [
  "administrations",
  "committees",
  "policies",
  "themes",
  "goals",
  "indicators",
  "observations",
  "initiatives",
  "budget_lines",
  "annual_targets",
  "documents",
  "provenance",
  "inquiries",
  "hearings",
  "hearing_responses",
] as const;
export type ResourceName = (typeof resourceNames)[number];

export type FieldType =
  | "string"
  | "integer"
  | "number"
  | "date"
  | "datetime"
  | "boolean"
  | "array"
  | "object";

/** The separator of multi-valued cells (goal_ids, committees, target_groups …). */
export const LIST_SEPARATOR = ";";

/** A many-to-many link table whose rows are written as one multi-valued cell of the owner. */
export interface JoinSpec {
  table: PgTable;
  /** SQL names of the link table's columns. */
  ownerColumn: string;
  otherColumn: string;
}

export interface FieldDef {
  name: string;
  type: FieldType;
  /** An empty cell is an error. */
  required?: boolean;
  format?: "uuid";
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  description?: string;
  /** A `;`-separated list of strings (quoted as in CSV when needed); `enum`, `format` and `references` apply to each item. */
  list?: boolean;
  /** A foreign key: the value (or each list item) is an `id` or a `code` of that resource. */
  references?: { resource: ResourceName; field: "id" | "code" };
  /** The database column (snake_case) when it is not the field's name, e.g. administration → administration_id. */
  column?: string;
  /** The values live in a link table, not in a column of the resource's table. */
  join?: JoinSpec;
  /** Computed on export from this SQL expression (alias `t`), never written back. */
  derived?: string;
  /** What an empty cell means in a NOT NULL column: "" for text, [] or {} for JSON (otherwise NULL). */
  emptyValue?: "" | readonly never[] | Readonly<Record<string, never>>;
  /** Values beyond 32-bit integers (bigint columns). */
  bigint?: boolean;
}

const UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Builders that keep the declarations in resources/*.ts one line per column. */
export const field = {
  id: (): FieldDef => ({ name: "id", type: "string", format: "uuid", required: true }),
  text: (name: string, opts: Partial<FieldDef> = {}): FieldDef => ({ name, type: "string", ...opts }),
  int: (name: string, opts: Partial<FieldDef> = {}): FieldDef => ({ name, type: "integer", ...opts }),
  num: (name: string, opts: Partial<FieldDef> = {}): FieldDef => ({ name, type: "number", ...opts }),
  date: (name: string, opts: Partial<FieldDef> = {}): FieldDef => ({ name, type: "date", ...opts }),
  bool: (name: string, opts: Partial<FieldDef> = {}): FieldDef => ({ name, type: "boolean", ...opts }),
  oneOf: (name: string, values: readonly string[], opts: Partial<FieldDef> = {}): FieldDef => ({
    name,
    type: "string",
    enum: values,
    ...opts,
  }),
  /** A foreign key by UUID. */
  ref: (name: string, resource: ResourceName, opts: Partial<FieldDef> = {}): FieldDef => ({
    name,
    type: "string",
    format: "uuid",
    references: { resource, field: "id" },
    ...opts,
  }),
  /** An administration or committee named by its code, stored as its id in `column`. */
  code: (name: string, resource: "administrations" | "committees", column: string): FieldDef => ({
    name,
    type: "string",
    references: { resource, field: "code" },
    column,
  }),
  list: (name: string, opts: Partial<FieldDef> = {}): FieldDef => ({
    name,
    type: "string",
    list: true,
    description:
      'Flere værdier adskilt af semikolon (;). En værdi med semikolon, anførselstegn eller linjeskift står i anførselstegn ("), med " skrevet "".',
    ...opts,
  }),
};

/** A free-text list item: plain (no ; " or line break), or quoted with " doubled. */
const TEXT_ITEM = '(?:[^;"\\r\\n]+|"(?:[^"]|"")*")';

/** The `pattern` constraint that tells other tools what a list cell may hold. */
export function listPattern(def: FieldDef): string {
  const item = def.enum
    ? `(?:${def.enum.join("|")})`
    : def.format === "uuid" || def.references?.field === "id"
      ? UUID_PATTERN
      : def.references
        ? "[^;]+"
        : TEXT_ITEM;
  return `^(?:${item}(?:;${item})*)?$`;
}

export const uuidPattern = new RegExp(`^${UUID_PATTERN}$`);

/** The Table Schema field descriptor written to datapackage.json. */
export function tableSchemaField(def: FieldDef, opts: { required?: boolean } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { name: def.name, type: def.type };
  if (def.format) out.format = def.format;
  if (def.description) out.description = def.description;
  const constraints: Record<string, unknown> = {};
  if (opts.required ?? def.required) constraints.required = true;
  if (def.list) constraints.pattern = listPattern(def);
  else {
    if (def.enum) constraints.enum = [...def.enum];
    if (def.pattern) constraints.pattern = def.pattern;
  }
  if (def.minimum !== undefined) constraints.minimum = def.minimum;
  if (def.maximum !== undefined) constraints.maximum = def.maximum;
  if (Object.keys(constraints).length > 0) out.constraints = constraints;
  return out;
}

/** snake_case column → the camelCase key of the Drizzle table. */
export function columnKey(def: FieldDef): string {
  return (def.column ?? def.name).replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
