// Who may do what: small declarative rules per entity (src/authz/rules.ts),
// checked by every command and used by queries to scope what an actor sees.
//
// Two refusals exist, and the difference matters: what an actor may not even
// see is reported as "not found" (404), so a crafted request learns nothing
// about another administration's data; what they may see but not change is
// "forbidden" (403).
import type { Actor, RoleGrant } from "../context.ts";
import type { Role } from "../domain/enums.ts";
import { AppError } from "../errors.ts";
import { type Reach, rulesFor, workspace } from "./rules.ts";

export type Action = "read" | "create" | "update" | "delete" | "review" | "report" | "manage" | "answer";

/** The subject of a check: an entity kind and, where it matters, whose administration it belongs to. */
export interface Subject {
  entity: string;
  administrationId?: string | null;
}

function grantAllows(grant: RoleGrant, reach: Reach | undefined, subject: Subject): boolean {
  if (!reach) return false;
  if (reach === "all") return true;
  // "own": only a subject of the grant's administration; a subject bound to no
  // administration is nobody's own.
  return !!subject.administrationId && subject.administrationId === grant.administrationId;
}

function allows(actor: Actor, action: Action, subject: Subject): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind === "public") return false;
  const rules = rulesFor(subject.entity);
  return actor.grants.some((grant) => grantAllows(grant, rules[action]?.[grant.role as Role], subject));
}

export function can(actor: Actor, action: Action, subject: Subject): boolean {
  return allows(actor, action, subject);
}

/** True when the actor may see the subject at all (its entity's "read" rule). */
export function canSee(actor: Actor, subject: Subject): boolean {
  return allows(actor, "read", subject);
}

/** False when the subject lies outside every grant's workspace (a reporter and another administration). */
function inWorkspace(actor: Actor, subject: Subject): boolean {
  if (actor.kind !== "user") return actor.kind === "system";
  if (!subject.administrationId) return true;
  return actor.grants.some((grant) => grantAllows(grant, workspace[grant.role as Role], subject));
}

/** Throws when the actor may not act. What they may not even see is reported as not found. */
export function authorize(
  actor: Actor,
  action: Action,
  subject: Subject,
  opts: { hidden?: boolean } = {},
): void {
  if (can(actor, action, subject)) return;
  if (opts.hidden) throw new AppError("not_found", `${subject.entity} was not found.`);
  if (actor.kind === "public") throw new AppError("unauthenticated", "You must log in to do this.");
  if (!canSee(actor, subject) || !inWorkspace(actor, subject))
    throw new AppError("not_found", `${subject.entity} was not found.`);
  throw new AppError("forbidden", `You may not ${action} this ${subject.entity}.`);
}

/** For queries: the administrations whose rows of `entity` the actor may read; "all" or a list (queries/scope.ts). */
export function readableAdministrations(actor: Actor, entity: string): "all" | string[] {
  if (actor.kind === "system") return "all";
  if (actor.kind === "public") return [];
  const rules = rulesFor(entity);
  const ids: string[] = [];
  for (const grant of actor.grants) {
    const reach = rules.read?.[grant.role as Role];
    if (reach === "all") return "all";
    if (reach === "own" && grant.administrationId) ids.push(grant.administrationId);
  }
  return ids;
}
