import { describe, expect, it } from "vitest";
import type { ProgressStatus, Rating } from "./enums.ts";
import {
  type ProgressChild,
  type RollupLevel,
  rollupProgress,
  rollupRatings,
  rollupRatingsBy,
  rollupRuleText,
} from "./rollup.ts";

describe("rollupProgress", () => {
  it.each([
    {
      name: "achieved (5) and moderate (0.597230) → mean 2.798615 → substantial",
      children: [
        { status: "target_achieved", score: 5 },
        { status: "moderate_progress", score: 0.59723 },
      ],
      status: "substantial_progress",
      score: 2.798615,
      included: 2,
    },
    {
      name: "not available children are left out",
      children: [
        { status: "target_achieved", score: 5 },
        { status: "moderate_progress", score: 0.59723 },
        { status: "not_available" },
      ],
      status: "substantial_progress",
      score: 2.798615,
      included: 2,
    },
    {
      name: "all achieved → achieved",
      children: [{ status: "target_achieved", score: 5 }, { status: "target_achieved" }],
      status: "target_achieved",
      score: 5,
      included: 2,
    },
    {
      name: "status without score counts as the middle of its band: (3.75 − 3.75)/2 = 0 → moderate",
      children: [{ status: "substantial_progress" }, { status: "deterioration" }],
      status: "moderate_progress",
      score: 0,
      included: 2,
    },
    {
      name: "weights: (3·1 + 1·(−3)) / 4 = 0 → moderate",
      children: [
        { status: "moderate_progress", score: 1, weight: 3 },
        { status: "deterioration", score: -3, weight: 1 },
      ],
      status: "moderate_progress",
      score: 0,
      included: 2,
    },
    {
      name: "mean exactly −2.5 → limited",
      children: [
        { status: "limited_progress", score: -2 },
        { status: "deterioration", score: -3 },
      ],
      status: "limited_progress",
      score: -2.5,
      included: 2,
    },
    {
      name: "mean −3.5 → deterioration",
      children: [
        { status: "deterioration", score: -4 },
        { status: "deterioration", score: -3 },
      ],
      status: "deterioration",
      score: -3.5,
      included: 2,
    },
    {
      name: "nothing known → not available",
      children: [{ status: "not_available" }],
      status: "not_available",
      included: 0,
    },
    { name: "no children → not available", children: [], status: "not_available", included: 0 },
  ] as {
    name: string;
    children: ProgressChild[];
    status: ProgressStatus;
    score?: number;
    included: number;
  }[])("$name", ({ children, status, score, included }) => {
    const r = rollupProgress(children, "goal");
    expect(r.status).toBe(status);
    expect(r.included).toBe(included);
    expect(r.total).toBe(children.length);
    if (score === undefined) expect(r.score).toBeUndefined();
    else expect(r.score).toBeCloseTo(score, 5);
  });

  it("explains in Danish with the right nouns", () => {
    const r = rollupProgress(
      [
        { status: "target_achieved", score: 5 },
        { status: "moderate_progress", score: 0.59723 },
        { status: "not_available" },
      ],
      "goal",
    );
    expect(r.explanation).toBe(
      "Beregnet ud fra 2 af 3 indikatorer (1 kan ikke beregnes): gennemsnitlig score 2,8 – betydelig fremgang.",
    );
    expect(rollupProgress([], "theme").explanation).toContain("målsætninger");
  });

  it.each([
    [
      [{ status: "deterioration", score: -4 }],
      "policy",
      "Beregnet ud fra det ene tema: score -4 – tilbagegang.",
    ],
    [[{ status: "not_available" }], "goal", "Fremdriften kan ikke beregnes for den ene indikator."],
    [
      [{ status: "not_available" }, { status: "not_available" }],
      "theme",
      "Fremdriften kan ikke beregnes for nogen af de 2 målsætninger.",
    ],
    [
      [{ status: "target_achieved", score: 5 }, { status: "not_available" }],
      "goal",
      "Beregnet ud fra 1 af 2 indikatorer (1 kan ikke beregnes): score 5 – målet er nået.",
    ],
  ] as [ProgressChild[], RollupLevel, string][])(
    "uses singular and plural correctly: %j",
    (children, level, text) => {
      expect(rollupProgress(children, level).explanation).toBe(text);
    },
  );

  it("counts statuses", () => {
    const r = rollupProgress(
      [{ status: "deterioration" }, { status: "deterioration" }, { status: "not_available" }],
      "goal",
    );
    expect(r.counts.deterioration).toBe(2);
    expect(r.counts.not_available).toBe(1);
    expect(r.counts.target_achieved).toBe(0);
  });

  it("refuses a negative weight", () => {
    expect(() => rollupProgress([{ status: "deterioration", weight: -1 }], "goal")).toThrow(RangeError);
  });
});

describe("rollupRatings (worst-of)", () => {
  it.each([
    [["on_track", "at_risk", "completed", null], "at_risk", 1],
    [["on_track", "off_track", "at_risk"], "off_track", 0],
    [["completed", "completed"], "completed", 0],
    [["completed", "on_track"], "on_track", 0],
    [["on_track", "not_started"], "on_track", 0],
    [["on_track", "paused_awaiting_funding"], "on_track", 0],
    [["not_started", "paused_awaiting_funding"], "paused_awaiting_funding", 0],
    [["not_started", undefined], "not_started", 1],
    [["off_track", "not_started"], "off_track", 0],
    [[null, null], null, 2],
    [[], null, 0],
  ] as [(Rating | null | undefined)[], Rating | null, number][])("%j → %s", (items, rating, notReported) => {
    const r = rollupRatings(items);
    expect(r.rating).toBe(rating);
    expect(r.notReported).toBe(notReported);
    expect(r.reported + r.notReported).toBe(items.length);
  });

  it("explains with the counts", () => {
    expect(rollupRatings(["on_track", "on_track", "at_risk", "completed", null]).explanation).toBe(
      "Samlet: i risiko (den dårligste vurdering blandt 4 indmeldte initiativer: 2 følger planen, 1 i risiko, 1 gennemført; 1 har ikke indmeldt).",
    );
  });

  it.each([
    [[null], "Det ene initiativ har ikke indmeldt."],
    [[null, null], "Ingen af de 2 initiativer har indmeldt."],
    [
      ["at_risk", null],
      "Samlet: i risiko (vurderingen fra det ene indmeldte initiativ; 1 har ikke indmeldt).",
    ],
    [["on_track"], "Samlet: følger planen (vurderingen fra det ene indmeldte initiativ)."],
  ] as [(Rating | null)[], string][])("uses singular and plural correctly: %j", (items, text) => {
    expect(rollupRatings(items).explanation).toBe(text);
  });

  it("groups by key", () => {
    const r = rollupRatingsBy([
      { key: "BIF", rating: "on_track" },
      { key: "SOF", rating: "off_track" },
      { key: "BIF", rating: "at_risk" },
    ]);
    expect(r.get("BIF")?.rating).toBe("at_risk");
    expect(r.get("SOF")?.rating).toBe("off_track");
    expect(r.get("BIF")?.counts.on_track).toBe(1);
  });
});

describe("rollupRuleText", () => {
  it("describes both rules", () => {
    expect(rollupRuleText).toContain("gennemsnittet");
    expect(rollupRuleText).toContain("dårligste vurdering");
  });
});
