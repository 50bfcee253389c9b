// Which registry row a candidate from a new version of a document is: a policy
// by its kind, title and period; a row inside a policy by what names it there
// (a theme's number, a goal's number or text, an initiative's title …); a
// hearing response by its committee and policy; an inquiry by its case number.
// A row is matched once per batch, so two candidates never update the same row.
import { and, eq, getTableName, ne, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Context } from "../../context.ts";
import type { VersionedTable } from "../versioned.ts";

/** Text compared as a person reads it: case, spacing and end punctuation do not count. */
export function sameText(a: unknown, b: unknown): boolean {
  const norm = (s: unknown) =>
    String(s ?? "")
      .normalize("NFC")
      .toLowerCase()
      .replace(/[\s\u00ad]+/g, " ")
      .replace(/^[\s"'“”«»]+|[\s.:;,"'“”«»]+$/g, "");
  return norm(a) === norm(b);
}

const words = (s: unknown) =>
  new Set(
    String(s ?? "")
      .normalize("NFC")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );

/**
 * Texts that say mostly the same (a goal reworded in a new version): the share
 * of words they have in common (Dice) is at least `threshold`.
 */
export function similarText(a: unknown, b: unknown, threshold = 0.6): boolean {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return false;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size) >= threshold;
}

/** Two values agree where both are given. */
export const agrees = (a: unknown, b: unknown) =>
  a === null || a === undefined || b === null || b === undefined || a === b;

type Row = Record<string, unknown> & { id: string };

export class Matcher {
  private readonly rows = new Map<string, Row[]>();
  private readonly claimed = new Set<string>();

  constructor(private readonly ctx: Context) {}

  /** The rows of `table` in this organisation (under `parent` when given), once per batch. */
  private async load(
    table: VersionedTable,
    parent?: { column: PgColumn; id: string },
    extra?: SQL,
  ): Promise<Row[]> {
    const key = `${getTableName(table)}:${parent?.id ?? "*"}`;
    let rows = this.rows.get(key);
    if (!rows) {
      const where = [eq(table.organisationId, this.ctx.organisationId)];
      if (parent) where.push(eq(parent.column, parent.id));
      if (extra) where.push(extra);
      rows = (await this.ctx.db
        .select()
        .from(table as never)
        .where(and(...where))) as Row[];
      this.rows.set(key, rows);
    }
    return rows;
  }

  /** The first unclaimed row of `table` (under `parent`) that `same` accepts; it is then claimed. */
  async find<R extends Row>(
    table: VersionedTable,
    same: (row: R) => boolean,
    parent?: { column: PgColumn; id: string },
    extra?: SQL,
  ): Promise<R | null> {
    const rows = (await this.load(table, parent, extra)) as R[];
    const row = rows.find((r) => !this.claimed.has(r.id) && same(r));
    if (row) this.claimed.add(row.id);
    return row ?? null;
  }

  /** A row chosen by the reviewer is claimed too, so no automatic match takes it. */
  claim(id: string) {
    this.claimed.add(id);
  }
}

/** Policies that are not archived: an archived policy is history, not something to update. */
export const notArchived = (status: PgColumn) => ne(status, "archived");
