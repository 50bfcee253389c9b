import { describe, expect, it } from "vitest";
import type { Candidate } from "../types.ts";
import { linkPlansToPolicies, subjectStem } from "./planParent.ts";

const policy = (key: string, title: string, kind: string, start: number | null, end: number): Candidate => ({
  key,
  entity: "policy",
  fields: { title, kind, period_start: start, period_end: end },
  confidence: 0.9,
  evidence: [],
});

describe("action plan → policy", () => {
  it.each([
    ["Integrationshandleplan", "integration"],
    ["Integrationspolitik: Lad os investere i integration", "integration"],
    ["Handicappolitik", "handicap"],
    ["Ligestillingshandleplan 2024-2025", "ligestilling"],
  ])("%s has the subject %s", (title, stem) => {
    expect(subjectStem(title)).toBe(stem);
  });

  it("links a plan to the one policy with its subject and period, and not to another", () => {
    const candidates = [
      policy("policy:1", "Handicappolitik", "policy", 2018, 2022),
      policy("policy:2", "Integrationspolitik: Lad os investere i integration", "policy", 2019, 2022),
      policy("policy:3", "Integrationshandleplan", "action_plan", 2019, 2022),
      policy("policy:4", "Integrationshandleplan", "action_plan", 2030, 2033),
    ];
    linkPlansToPolicies(candidates);
    expect(candidates[2]!.parentKey).toBe("policy:2");
    expect(candidates[3]!.parentKey).toBeUndefined();
  });
});
