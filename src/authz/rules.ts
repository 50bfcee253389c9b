// The rules, one small table per entity: for each action, which roles may do
// it and how far their grant reaches ("all" administrations, or only the
// grant's "own"). An action or role not listed is refused. Everything a
// command or query checks is here, so this file is the answer to "who may do what".
import type { Role } from "../domain/enums.ts";

export type Reach = "all" | "own";
export type EntityRules = Partial<Record<string, Partial<Record<Role, Reach>>>>;

const staff = { admin: "all", coordinator: "all" } as const;
const internal = { ...staff, viewer: "all" } as const;

const rules: Record<string, EntityRules> = {
  // Registry content (policies, themes, goals, indicators, initiatives …): it is
  // published on the portal, so every role reads all of it; only staff change it.
  registry: {
    read: { ...internal, reporter: "all" },
    create: staff,
    update: staff,
    delete: staff,
    review: staff,
  },
  // Import candidates: not yet accepted, so not public; the review queue is staff work.
  candidate: { read: staff, review: staff },
  // Imported source documents (published with the open data, so every role
  // reads them) and their upload.
  document: { read: { ...internal, reporter: "all" }, create: staff, update: staff },
  // A status report: a reporter reads and writes only their own administration's.
  statusReport: {
    read: { ...internal, reporter: "own" },
    report: { ...staff, reporter: "own" },
    review: staff,
  },
  statusRound: {
    read: { ...internal, reporter: "all" },
    create: staff,
    update: staff,
    manage: staff,
  },
  // Questions from council members and hearings: staff prepare and answer them.
  inquiry: { read: internal, create: staff, update: staff, answer: staff, manage: staff },
  hearing: { read: internal, create: staff, update: staff, manage: staff },
  organisation: { read: { admin: "all" }, manage: { admin: "all" } },
  user: {
    read: { admin: "all" },
    create: { admin: "all" },
    update: { admin: "all" },
    manage: { admin: "all" },
  },
  audit: { read: staff },
};

/**
 * Where each role works. A reporter's workspace is their own administration:
 * another administration's items are hidden from their changes (404), even
 * where the published registry lets them read those items.
 */
export const workspace: Record<Role, Reach> = {
  admin: "all",
  coordinator: "all",
  viewer: "all",
  reporter: "own",
};

/** The rules of an entity; an unknown entity falls back to the registry's. */
export function rulesFor(entity: string): EntityRules {
  return rules[entity] ?? rules.registry!;
}
