// What every way of exporting the package shares: one read-only snapshot, the settings of
// the public audience's view (applied by the queries, publicSql.ts), rows → CSV records, and
// datapackage.json for one organisation.
import { stringify } from "csv-stringify/sync";
import { csvFormatRows } from "d3-dsv";
import { and, asc, inArray } from "drizzle-orm";
import type { Context } from "../context.ts";
import { organisations, settings } from "../db/schema.ts";
import { settingDefinition, settingKeys, validSettingValue } from "../domain/settings.ts";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../domain/suppression.ts";
import { AppError } from "../errors.ts";
import { formatCell, UnwritableValue } from "./cells.ts";
import { type Audience, buildDescriptor } from "./descriptor.ts";
import type { FieldDef } from "./fields.ts";
import type { PublicSettings } from "./publicSql.ts";
import type { RawRow, ResourceDef } from "./resourceDef.ts";

export interface ExportOptions {
  /** "public" (default) for publication; "full" for transfers and backups. */
  audience?: Audience;
  /** n below this is suppressed in the public package (default 5). */
  suppressionThreshold?: number;
  /** The descriptor's `created` (default: now); fixed in tests so packages compare byte for byte. */
  created?: Date | string;
}

/** The public view's settings of a public package, or null for the full one. */
export function publicSettings(opts: ExportOptions): PublicSettings | null {
  return (opts.audience ?? "public") === "public"
    ? { threshold: opts.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD }
    : null;
}

/** Reads in one read-only snapshot, so the resources agree with each other. */
export async function inSnapshot<C extends Pick<Context, "db" | "inTransaction">, T>(
  ctx: C,
  work: (ctx: C) => Promise<T>,
): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx, inTransaction: true }), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}

/** The header row of a resource's CSV file. */
export function csvHeader(def: ResourceDef): string {
  return stringify([def.fields.map((f) => f.name)]);
}

/**
 * The rows as CSV records, without the header: RFC 4180 as COPY's CSV format writes it (a
 * field holding , " or a line break quoted, " doubled), each record ending in \n. d3-dsv
 * formats the records: csv-stringify, which writes the header, set each field up anew and
 * took ten times as long (2.5 s for the national data set's 588,000 observations).
 */
export function csvLines(def: ResourceDef, rows: RawRow[]): string {
  if (rows.length === 0) return "";
  return `${csvFormatRows(rows.map((row) => def.fields.map((field) => formattedCell(def, field, row))))}\n`;
}

function formattedCell(def: ResourceDef, field: FieldDef, row: RawRow): string {
  try {
    return formatCell(field, row[field.name]);
  } catch (error) {
    if (!(error instanceof UnwritableValue)) throw error;
    throw new AppError("bad_package", `${def.name} ${String(row.id)}: ${error.message}.`, {
      cause: error,
    });
  }
}

/** The organisations' saved settings (never secrets; defaults are not written), by key, by organisation. */
async function savedSettings(
  ctx: Pick<Context, "db">,
  organisationIds: string[],
): Promise<Map<string, Record<string, number>>> {
  const rows = await ctx.db
    .select({ organisationId: settings.organisationId, key: settings.key, value: settings.value })
    .from(settings)
    .where(and(inArray(settings.organisationId, organisationIds), inArray(settings.key, settingKeys)))
    .orderBy(asc(settings.organisationId), asc(settings.key));
  const out = new Map(organisationIds.map((id): [string, Record<string, number>] => [id, {}]));
  for (const row of rows) {
    const value = validSettingValue(settingDefinition(row.key)!, row.value);
    if (value !== undefined) out.get(row.organisationId)![row.key] = value;
  }
  return out;
}

/**
 * datapackage.json's text for each of the organisations, by id: two queries however many
 * they are (national data set: 196 queries, 0.2 s CPU on PGlite, before).
 */
export async function descriptorTexts(
  ctx: Pick<Context, "db">,
  organisationIds: string[],
  opts: ExportOptions,
): Promise<Map<string, string>> {
  // Asked together: one wait for the database (datapackage.json on its own is a portal page).
  const [found, saved] = await Promise.all([
    ctx.db
      .select({
        id: organisations.id,
        name: organisations.name,
        slug: organisations.slug,
        council: organisations.councilName,
      })
      .from(organisations)
      .where(inArray(organisations.id, organisationIds)),
    savedSettings(ctx, organisationIds),
  ]);
  const byId = new Map(found.map(({ id, ...organisation }) => [id, organisation]));
  const created = new Date(opts.created ?? Date.now()).toISOString();
  const texts = new Map<string, string>();
  for (const id of organisationIds) {
    const organisation = byId.get(id);
    if (!organisation) throw new AppError("not_found", "The organisation was not found.");
    const descriptor = buildDescriptor({
      organisation: { ...organisation, settings: saved.get(id)! },
      audience: opts.audience ?? "public",
      created,
      threshold: opts.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
    });
    texts.set(id, `${JSON.stringify(descriptor, null, 2)}\n`);
  }
  return texts;
}

/** datapackage.json's text for the context's organisation. */
export async function descriptorText(ctx: Context, opts: ExportOptions): Promise<string> {
  return (await descriptorTexts(ctx, [ctx.organisationId], opts)).get(ctx.organisationId)!;
}
