// What turning one accepted candidate into registry rows means for an entity:
// where it may be placed, which existing row a new version of it is, and how it
// is created or updated through the registry's own commands.
import type { Context } from "../../context.ts";
import type { candidates } from "../../db/schema.ts";
import type { EntityFields, EntityName } from "../../domain/entities/index.ts";
import type { VersionedTable } from "../versioned.ts";
import type { Lookups, Placement } from "./lookups.ts";
import type { Matcher } from "./match.ts";

export type CandidateRow = typeof candidates.$inferSelect;

export interface WriteEnv {
  ctx: Context;
  candidate: CandidateRow;
  /** Where the candidate is placed (its accepted parent, or the reviewer's choice). */
  parent: Placement | null;
  lookups: Lookups;
  matcher: Matcher;
}

export type AnyRow = Record<string, unknown> & { id: string; version: number };

export interface EntityWriter<E extends EntityName> {
  /** The registry table, for a row the reviewer names as the one to update. */
  table: VersionedTable;
  /** The kinds of row it may be placed under (the first is what its own parent normally is). */
  parents: readonly Placement["entity"][];
  /** The existing row this candidate is a new version of, if any. */
  match(env: WriteEnv, v: EntityFields<E>): Promise<AnyRow | null>;
  create(env: WriteEnv, v: EntityFields<E>): Promise<string>;
  /** Brings `row` in line with the candidate; a row the candidate would not change is left untouched. */
  update(env: WriteEnv, row: AnyRow, v: EntityFields<E>): Promise<void>;
}

/**
 * The fields a new version changes: those it gives (not null, not an empty list)
 * that differ from the row's. What a new version leaves out is kept, so values a
 * coordinator added by hand survive a re-import.
 */
export function changedValues<T extends Record<string, unknown>>(
  row: Record<string, unknown>,
  proposed: T,
): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(proposed) as [keyof T & string, unknown][]) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (!sameValue(row[key], value)) out[key] = value as T[keyof T & string];
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return (
      a.length === b.length && [...a].map(String).sort().join("\n") === [...b].map(String).sort().join("\n")
    );
  return a === b;
}

/** Keeps document order for goals: the last number in the candidate's key. */
export function sortOrderOf(key: string): number {
  const match = key.match(/(\d+)(?!.*\d)/);
  return match ? Math.min(Number(match[1]), 100_000) : 0;
}
