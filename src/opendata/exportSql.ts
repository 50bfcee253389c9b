// The queries that read a resource for the export, derived from its fields: each cell as
// text (exact digits, dates as YYYY-MM-DD), a code for a reference by code, a list for a
// link table. References by code and link tables are joined once for the whole query,
// not looked up again for every row. A public package's queries apply the public view
// (publicSql.ts): withheld rows are not read, withheld values are read as NULL. Organisation
// ids and keys are written into the text as literals (DECLARE … CURSOR and COPY take no
// parameters), each checked to be a UUID.
import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import { quoteIdentifier } from "../db/identifier.ts";
import { type FieldDef, uuidPattern } from "./fields.ts";
import { type PublicSettings, publicQuery } from "./publicSql.ts";
import type { ResourceDef } from "./resourceDef.ts";

const q = quoteIdentifier;

/** UUIDs as a list of SQL literals, each checked to be a UUID (so nothing else is in the text). */
function literals(uuids: string[]): string {
  for (const id of uuids) if (!uuidPattern.test(id)) throw new Error(`not a UUID: ${id}`);
  return uuids.map((id) => `'${id}'`).join(", ");
}

/**
 * Which organisations' rows a query reads: a list, or "all" (every organisation of the
 * database, without a condition, so PostgreSQL reads the (organisation_id, id) index in
 * order instead of sorting the rows of several organisations).
 */
export type OrganisationSet = string[] | "all";

/**
 * True when the query reads one organisation's rows: a list cell's items are then looked
 * up by each row (a LATERAL join, in the link table's primary key order), not grouped for
 * the whole link table, and its rows need no sort (exportPackages.ts, byIndexOrder).
 */
export function oneOrganisation(organisations: OrganisationSet): boolean {
  return organisations !== "all" && organisations.length === 1;
}

/** The condition on an organisation_id column, or null for all. */
function ofOrganisations(column: string, organisations: OrganisationSet): string | null {
  return organisations === "all" ? null : `${column} IN (${literals(organisations)})`;
}

/** The WHERE clause of the organisations and of further conditions ("" when there are none). */
function where(organisations: OrganisationSet, ...more: string[]): string {
  const all = [ofOrganisations("t.organisation_id", organisations), ...more].filter((c) => c !== null);
  return all.length ? ` WHERE ${all.join(" AND ")}` : "";
}

/** A field in a query: its value as text, the column (or the public view's value) it is made of, the join it needs. */
interface FieldPart {
  field: FieldDef;
  value: string;
  column: string;
  join?: string;
}

/**
 * The field's value (alias `t` for the resource's table) and the join it needs, if any;
 * `source` replaces the column (the public view's value for it).
 */
function fieldSql(def: FieldDef, alias: string, organisations: OrganisationSet, source?: string): FieldPart {
  const column = source ? `(${source})` : `t.${q(def.column ?? def.name)}`;
  const part = (value: string, join?: string): FieldPart => ({ field: def, value, column, join });
  if (source && (def.derived || def.join || def.references?.field === "code"))
    throw new Error(`the public view cannot replace ${def.name}`);
  if (def.derived) return part(`(${def.derived})`);
  const ref = def.references;
  if (def.join) {
    const j = def.join;
    const link = `${q(getTableName(j.table))} j`;
    const owner = `j.${q(j.ownerColumn)}`;
    const other = `j.${q(j.otherColumn)}`;
    const filter = ofOrganisations("j.organisation_id", organisations);
    const items =
      ref?.field === "code"
        ? `array_agg(r.code ORDER BY r.code) AS items FROM ${link} JOIN ${q(ref.resource)} r ON r.id = ${other}`
        : // By the UUID, whose order is its text's (lower-case hex, dashes in fixed places): the
          // link table's primary key (owner, other) gives it, so no aggregate sorts.
          `array_agg(${other}::text ORDER BY ${other}) AS items FROM ${link}`;
    // One organisation's rows: each row's items by the link table's primary key, which
    // leads with the owner; grouping the organisation's link rows scanned the whole table
    // (no index on its organisation).
    const join = oneOrganisation(organisations)
      ? `LEFT JOIN LATERAL (SELECT ${items} WHERE ${owner} = t.id) ${alias} ON true`
      : `LEFT JOIN (SELECT ${owner} AS owner, ${items}${filter ? ` WHERE ${filter}` : ""} GROUP BY ${owner}) ${alias} ON ${alias}.owner = t.id`;
    return part(`COALESCE(${alias}.items, '{}'::text[])`, join);
  }
  if (ref?.field === "code")
    return part(`${alias}.code`, `LEFT JOIN ${q(ref.resource)} ${alias} ON ${alias}.id = ${column}`);
  switch (def.type) {
    case "string":
      return part(def.format === "uuid" ? `${column}::text` : column);
    case "integer":
    case "number":
    case "boolean":
      // As text: exact digits for numeric and bigint, the same on PGlite and node-postgres.
      return part(`${column}::text`);
    case "date":
      return part(`to_char(${column}, 'YYYY-MM-DD')`);
    case "datetime":
      return part(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
    case "array":
    case "object":
      return part(column);
  }
}

/** The fields of the resource in a query, and the condition a row is shown on (the public view's), if any. */
function fieldParts(def: ResourceDef, organisations: OrganisationSet, view: PublicSettings | null) {
  const shown = view ? publicQuery(def, view) : null;
  const parts = def.fields.map((f, i) => fieldSql(f, `x${i}`, organisations, shown?.cells.get(f.name)));
  return { parts, shown: shown?.shown ? [shown.shown] : [] };
}

/**
 * "SELECT <lead>, <cells> FROM <table> t <joins> WHERE … ORDER BY …", each cell shaped by
 * `cell`; `view` for the public package (null: the full one).
 */
function select(
  def: ResourceDef,
  organisations: OrganisationSet,
  view: PublicSettings | null,
  opts: { lead?: string; cell?: (part: FieldPart) => string; more?: string[]; tail: string },
): string {
  const { parts, shown } = fieldParts(def, organisations, view);
  const cells = parts.map((part) => (opts.cell ? opts.cell(part) : `${part.value} AS ${q(part.field.name)}`));
  const joins = parts.flatMap(({ join }) => (join ? [` ${join}`] : [])).join("");
  const lead = opts.lead ? `${opts.lead}, ` : "";
  return `SELECT ${lead}${cells.join(", ")} FROM ${q(getTableName(def.table))} t${joins}${where(organisations, ...shown, ...(opts.more ?? []))} ${opts.tail}`;
}

/** The export query: every field of the resource for one organisation, ordered by id. */
export function selectSql(def: ResourceDef, organisationId: string, view: PublicSettings | null): SQL {
  return sql.raw(select(def, [organisationId], view, { tail: "ORDER BY t.id" }));
}

/** The column naming each row's organisation in `selectText`; no field is called so. */
export const ORGANISATION_COLUMN = "pejl:organisation";

/**
 * The export query of several organisations at once: each row led by its organisation's
 * id, ordered by organisation and then by id, so each organisation's rows come together
 * and in the order `selectSql` gives them.
 */
export function selectText(
  def: ResourceDef,
  organisations: OrganisationSet,
  view: PublicSettings | null,
): string {
  return select(def, organisations, view, {
    lead: `t.organisation_id::text AS ${q(ORGANISATION_COLUMN)}`,
    tail: "ORDER BY t.organisation_id, t.id",
  });
}

/** The SQL type of each column of the resource's table, by column name. */
function columnTypes(def: ResourceDef): Map<string, string> {
  return new Map(Object.values(getTableColumns(def.table)).map((c) => [c.name, c.getSQLType()]));
}

/**
 * True when the database can write every cell of the resource as the package's text, so
 * `COPY … TO … (FORMAT csv)` writes its rows: no JSON and no date-times, whose text is
 * made in cells.ts only.
 */
export function copyable(def: ResourceDef): boolean {
  const columns = columnTypes(def);
  // A list kept in a link table or a text[] column; one kept as JSON (hearings.invited) is not.
  const arrayColumn = (f: FieldDef) => f.join || columns.get(f.column ?? f.name)?.endsWith("[]");
  return def.fields.every(
    (f) => f.type !== "array" && f.type !== "object" && f.type !== "datetime" && (!f.list || arrayColumn(f)),
  );
}

/** Items a list cell quotes (cells.ts, formatList): empty, or holding ; " or a line break. */
const quotedItem = `x = '' OR strpos(x, ';') > 0 OR strpos(x, '"') > 0 OR strpos(x, chr(10)) > 0 OR strpos(x, chr(13)) > 0`;

/**
 * Column types COPY writes as their cast to text does, never as an empty text: a column of
 * these is copied as it is, without a cast and NULLIF per row (observations of the national
 * data set: 1.65 → 1.34 s CPU on PGlite). Not boolean, which COPY writes t/f and a cast
 * true/false. A public view's value for such a column is of its type, or NULL.
 */
const ownText = /^(uuid|smallint|integer|bigint|numeric(\(.*\))?)$/;

/** copyCell with the types of the resource's columns. */
function copyCells(def: ResourceDef): (part: FieldPart) => string {
  const types = columnTypes(def);
  return (part) => copyCell(part, types.get(part.field.column ?? part.field.name));
}

/**
 * A cell as the package writes it (cells.ts's formatCell): a number without trailing zeros
 * (trim_scale), a list as formatList writes it, and an empty text as NULL, which COPY
 * writes as an empty field (an empty string it would quote). COPY's CSV quoting (a field
 * with , " or a line break, " doubled) is csvLines's (exportRows.ts). The test "the database writes
 * the same CSV as the export's own formatting" holds the two to each other.
 */
function copyCell({ field: def, value, column }: FieldPart, columnType: string | undefined): string {
  const stored = !def.derived && !def.join && !def.list && def.references?.field !== "code";
  if (stored && ownText.test(columnType ?? ""))
    return def.type === "number" ? `trim_scale(${column})` : column;
  let text = value;
  if (def.type === "number" && !def.derived) text = `trim_scale(${column})`;
  if (def.list) {
    const quoted = `(SELECT string_agg(CASE WHEN ${quotedItem} THEN '"' || replace(x, '"', '""') || '"' ELSE x END, ';' ORDER BY n) FROM unnest(${value}) WITH ORDINALITY u(item, n), COALESCE(u.item::text, 'null') x)`;
    // Most lists quote nothing: their items joined as they are (as formatList does), without a subquery per cell
    // (initiatives' four lists: 0.6 s of the national data set's 1.1 s).
    const items = `(${value})::text[]`;
    const joined = `array_to_string(${items}, ',')`;
    // No NULL or empty item, and none holding ; " or a line break (what quotedItem looks for).
    const plain = [
      `array_position(${items}, NULL) IS NULL`,
      `array_position(${items}, '') IS NULL`,
      ...["';'", `'"'`, "chr(10)", "chr(13)"].map((c) => `strpos(${joined}, ${c}) = 0`),
    ].join(" AND ");
    text = `CASE WHEN ${plain} THEN array_to_string(${items}, ';') ELSE ${quoted} END`;
  }
  return `NULLIF((${text})::text, '')`;
}

/**
 * A copyable resource's rows of the organisations, for COPY: each record led by its
 * organisation's id (split off again by keyedCsv.ts and keyedRecords.ts), ordered by it
 * and then by id; one with a number the package cannot write, by an empty field.
 */
export function copySelectText(
  def: ResourceDef,
  organisations: OrganisationSet,
  view: PublicSettings | null,
): string {
  // A record whose number the package cannot write is led by NULL (an empty field)
  // instead, which the split notes (exportPackages.ts, refuseNumbers, then names it):
  // checked as the rows are read, not by a scan of its own.
  const bad = nonFinite(storedNumbers(fieldParts(def, organisations, view).parts));
  return select(def, organisations, view, {
    lead: bad ? `CASE WHEN ${bad} THEN NULL ELSE t.organisation_id::text END` : "t.organisation_id::text",
    cell: copyCells(def),
    tail: "ORDER BY t.organisation_id, t.id",
  });
}

/** The fields stored as numbers, whose text COPY writes. */
function storedNumbers(parts: FieldPart[]): FieldPart[] {
  return parts.filter(({ field }) => field.type === "number" && !field.derived);
}

/** The condition that one of the numbers is NaN or infinite, or null when there are none. */
function nonFinite(numbers: FieldPart[]): string | null {
  if (!numbers.length) return null;
  return numbers.map(({ column }) => `${column} IN ('NaN', 'Infinity', '-Infinity')`).join(" OR ");
}

/**
 * The first row of the organisations whose number the package cannot write (NaN or
 * infinite, which formatCell refuses), with its id and number fields; COPY would write them.
 * Of a public package, only what it shows.
 */
export function unwritableNumbersText(
  def: ResourceDef,
  organisations: OrganisationSet,
  view: PublicSettings | null,
): string | null {
  const { parts, shown } = fieldParts(def, organisations, view);
  const numbers = storedNumbers(parts);
  const bad = nonFinite(numbers);
  if (!bad) return null;
  const cells = numbers.map(({ field, column }) => `${column}::text AS ${q(field.name)}`).join(", ");
  return `SELECT t.id::text AS id, ${cells} FROM ${q(getTableName(def.table))} t${where(organisations, ...shown, `(${bad})`)} LIMIT 1`;
}
