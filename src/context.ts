// Who acts, on which organisation, through which database handle (possibly a transaction).
import type { Executor } from "./db/client.ts";
import type { Role } from "./domain/enums.ts";
import { announceChange } from "./queries/changeNotice.ts";
import { bumpGeneration } from "./queries/generation.ts";

export interface RoleGrant {
  role: Role;
  administrationId: string | null;
}

export type Actor =
  | { kind: "user"; userId: string; label: string; grants: RoleGrant[] }
  | { kind: "system"; label: string }
  | { kind: "public"; label: "public" };

export interface Context {
  db: Executor;
  organisationId: string;
  actor: Actor;
  /** Set while inside a transaction opened by `inTransaction`. */
  inTransaction?: boolean;
  /**
   * Inside a transaction: ids of rows known to be this organisation's (checked
   * or written in it), so a batch of commands checks each parent once.
   */
  known?: Set<string>;
  /** When set, audit events wait here and the command that set it writes them in one insert. */
  auditBuffer?: unknown[];
}

export function createContext(input: { db: Executor; organisationId: string; actor: Actor }): Context {
  return { db: input.db, organisationId: input.organisationId, actor: input.actor };
}

export const systemActor = (label = "system"): Actor => ({ kind: "system", label });
export const publicActor: Actor = { kind: "public", label: "public" };

export function actorId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}

/**
 * Runs `work` in one transaction; inside an open one it simply joins it. The
 * outermost one tells other server processes as it commits, and this process's
 * caches of the organisation's pages after it has committed (not before: a
 * concurrent reader could otherwise cache the old rows as new).
 */
export async function inTransaction<T>(ctx: Context, work: (ctx: Context) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const done = await work({ ...ctx, db: tx, inTransaction: true, known: new Set<string>() });
    await announceChange(tx, ctx.organisationId);
    return done;
  });
  bumpGeneration(ctx.organisationId);
  return result;
}

/**
 * Who acts on the installation as a whole, before any organisation is chosen
 * (creating one, moving one in): a context without an organisation.
 */
export type InstallationContext = Pick<Context, "db" | "actor" | "inTransaction"> & {
  /** Inside the transaction: the organisations whose pages its commit changes. */
  changed?: Set<string>;
};

/**
 * Runs `work` in one transaction of the installation (or joins the open one). The
 * organisations it marks changed are told as in `inTransaction`.
 */
export async function inInstallationTransaction<T>(
  ctx: InstallationContext,
  work: (ctx: InstallationContext) => Promise<T>,
): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  const changed = new Set<string>();
  const result = await ctx.db.transaction(async (tx) => {
    const done = await work({ ...ctx, db: tx, inTransaction: true, changed });
    for (const organisationId of changed) await announceChange(tx, organisationId);
    return done;
  });
  for (const organisationId of changed) bumpGeneration(organisationId);
  return result;
}

/** Inside `inInstallationTransaction`: the organisation's pages change when it commits. */
export function markChanged(ctx: InstallationContext, organisationId: string): void {
  ctx.changed?.add(organisationId);
}
