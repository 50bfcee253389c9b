import { describe, expect, it } from "vitest";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../../test/factories.ts";
import { annualTargetSaver } from "../../commands/registry/annualTargetSaver.ts";
import { annualTargetMetrics, annualTargetsOf } from "./annualTargets.ts";

async function initiativeWithTargets() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org);
  const initiative = await buildInitiative(org, policy.id);
  const save = (year: number | null, metric: string) =>
    annualTargetSaver(org.ctx(), {
      initiativeId: initiative.id,
      year,
      metric,
      targetValue: 10,
      actualValue: null,
      unit: null,
    }) as Promise<{ id: string }>;
  const y2026 = await save(2026, "Deltagere");
  const whole = await save(null, "Forløb");
  const y2025 = await save(2025, "Deltagere");
  return { org, initiative, ids: { y2025: y2025.id, y2026: y2026.id, whole: whole.id } };
}

describe("annual targets of an initiative", () => {
  it("lists the whole period's targets first, then by year; with a year only that year's and the whole period's", async () => {
    const { org, initiative, ids } = await initiativeWithTargets();
    const all = await annualTargetsOf(org.ctx(), initiative.id);
    expect(all.map((t) => t.id)).toEqual([ids.whole, ids.y2025, ids.y2026]);
    const in2025 = await annualTargetsOf(org.ctx(), initiative.id, { year: 2025 });
    expect(in2025.map((t) => t.id)).toEqual([ids.whole, ids.y2025]);
  });

  it("reads nothing of another organisation's initiative", async () => {
    const { initiative, ids } = await initiativeWithTargets();
    const elsewhere = await buildOrganisation();
    expect(await annualTargetsOf(elsewhere.ctx(), initiative.id)).toEqual([]);
    expect(await annualTargetsOf(elsewhere.ctx(), initiative.id, { year: 2025 })).toEqual([]);
    expect((await annualTargetMetrics(elsewhere.ctx(), [ids.y2025, ids.whole])).size).toBe(0);
  });
});
