// Who may do what: small declarative rules per entity, checked by every command
// and used by queries to scope what an actor sees.
import type { Actor, RoleGrant } from "../context.ts";
import { AppError } from "../errors.ts";

export type Action = "read" | "create" | "update" | "delete" | "review" | "report" | "manage" | "answer";

/** The subject of a check: an entity kind and, where it matters, whose administration it belongs to. */
export interface Subject {
  entity: string;
  administrationId?: string | null;
}

type Rule = (grant: RoleGrant, action: Action, subject: Subject) => boolean;

const rules: Record<string, Rule[]> = {
  // Registry content (policies, goals, indicators, initiatives …).
  registry: [
    (g) => g.role === "admin" || g.role === "coordinator",
    (g, a) => g.role === "viewer" && a === "read",
    (g, a) => g.role === "reporter" && a === "read",
  ],
  // A reporter's status report: only for their own administration.
  statusReport: [
    (g) => g.role === "admin" || g.role === "coordinator",
    (g, a, s) =>
      g.role === "reporter" &&
      (a === "read" || a === "report") &&
      !!s.administrationId &&
      s.administrationId === g.administrationId,
    (g, a) => g.role === "viewer" && a === "read",
  ],
  organisation: [(g) => g.role === "admin"],
  user: [(g) => g.role === "admin"],
  audit: [(g, a) => (g.role === "admin" || g.role === "coordinator") && a === "read"],
};

export function can(actor: Actor, action: Action, subject: Subject): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind === "public") return false;
  const entityRules = rules[subject.entity] ?? rules.registry!;
  return actor.grants.some((grant) => entityRules.some((rule) => rule(grant, action, subject)));
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
  throw new AppError("forbidden", `You may not ${action} this ${subject.entity}.`);
}
