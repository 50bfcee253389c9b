// An action plan belongs to a policy. When a file holds both ("Integrationspolitik"
// and "Integrationshandleplan" for the same years), link the plan to the policy
// whose subject word it shares and whose period covers the plan's.
import type { Candidate } from "../types.ts";

/** "Integrationshandleplan" → "integration", "Integrationspolitik: Lad os…" → "integration". */
export function subjectStem(title: string): string {
  const first = title.toLowerCase().split(/[\s:–-]+/)[0] ?? "";
  return first.replace(/(s?handleplan|s?politik)(ken|kens)?$/, "").replace(/s$/, "");
}

function covers(policy: Candidate, plan: Candidate): boolean {
  const [ps, pe, as, ae] = [
    policy.fields.period_start,
    policy.fields.period_end,
    plan.fields.period_start,
    plan.fields.period_end,
  ];
  if (typeof pe !== "number" || typeof ae !== "number") return false;
  const start = typeof ps === "number" ? ps : pe;
  const planStart = typeof as === "number" ? as : ae;
  return planStart >= start - 1 && ae <= pe + 1;
}

export function linkPlansToPolicies(candidates: Candidate[]): void {
  const policies = candidates.filter((c) => c.entity === "policy" && c.fields.kind === "policy");
  for (const plan of candidates) {
    if (plan.entity !== "policy" || plan.fields.kind !== "action_plan" || plan.parentKey) continue;
    const stem = subjectStem(String(plan.fields.title ?? ""));
    if (stem.length < 4) continue;
    const match = policies.filter(
      (p) => subjectStem(String(p.fields.title ?? "")) === stem && covers(p, plan),
    );
    if (match.length === 1) plan.parentKey = match[0]!.key;
  }
}
