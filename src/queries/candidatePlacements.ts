// Where a candidate may be placed in the registry, for the review page's
// picker: a budget line or an annual target under an initiative, or under a
// policy (where it becomes that policy's own initiative); an initiative or a
// theme under a policy; a goal under a policy or a theme; an indicator under a
// goal. Archived policies are history and offer no place.
import { and, asc, eq, ne } from "drizzle-orm";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { goals, initiatives, policies, themes } from "../db/schema.ts";
import { inOrganisation } from "./scope.ts";

export interface PlacementOption {
  id: string;
  /** What the reviewer reads in the list. */
  text: string;
  /** The policy it belongs to, to group the list by. */
  policy: string;
}

const kindsFor: Record<string, readonly ("policy" | "theme" | "goal" | "initiative")[]> = {
  budget_line: ["initiative", "policy"],
  annual_target: ["initiative", "policy"],
  initiative: ["policy"],
  theme: ["policy"],
  goal: ["theme", "policy"],
  indicator: ["goal"],
};

const short = (s: string, max = 90) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export async function placementOptions(ctx: Context, entity: string): Promise<PlacementOption[]> {
  authorize(ctx.actor, "read", { entity: "candidate" }, { hidden: true });
  const kinds = kindsFor[entity] ?? [];
  if (kinds.length === 0) return [];
  const org = ctx.organisationId;
  const live = and(eq(policies.organisationId, org), ne(policies.status, "archived"));
  const out: PlacementOption[] = [];
  if (kinds.includes("initiative")) {
    const rows = await ctx.db
      .select({ id: initiatives.id, title: initiatives.title, policy: policies.title })
      .from(initiatives)
      .innerJoin(policies, eq(policies.id, initiatives.policyId))
      .where(and(live, inOrganisation(initiatives, org)))
      .orderBy(asc(policies.title), asc(initiatives.title));
    for (const r of rows) out.push({ id: r.id, text: `Initiativ: ${short(r.title)}`, policy: r.policy });
  }
  if (kinds.includes("theme")) {
    const rows = await ctx.db
      .select({ id: themes.id, number: themes.number, title: themes.title, policy: policies.title })
      .from(themes)
      .innerJoin(policies, eq(policies.id, themes.policyId))
      .where(and(live, inOrganisation(themes, org)))
      .orderBy(asc(policies.title), asc(themes.number));
    for (const r of rows)
      out.push({ id: r.id, text: `Tema ${r.number}: ${short(r.title)}`, policy: r.policy });
  }
  if (kinds.includes("goal")) {
    const rows = await ctx.db
      .select({ id: goals.id, number: goals.number, text: goals.text, policy: policies.title })
      .from(goals)
      .innerJoin(policies, eq(policies.id, goals.policyId))
      .where(and(live, inOrganisation(goals, org)))
      .orderBy(asc(policies.title), asc(goals.sortOrder));
    for (const r of rows)
      out.push({
        id: r.id,
        text: `Mål ${r.number ? `${r.number}: ` : ""}${short(r.text)}`,
        policy: r.policy,
      });
  }
  if (kinds.includes("policy")) {
    const own = entity === "budget_line" || entity === "annual_target";
    const rows = await ctx.db
      .select({ id: policies.id, title: policies.title })
      .from(policies)
      .where(live)
      .orderBy(asc(policies.title));
    for (const r of rows)
      out.push({
        id: r.id,
        // Under a policy, a line becomes an initiative of its own, named after the line.
        text: own ? "Som eget initiativ under politikken" : `Politikken: ${short(r.title)}`,
        policy: r.title,
      });
  }
  return out.sort((a, b) => a.policy.localeCompare(b.policy, "da"));
}
