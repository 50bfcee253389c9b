import { describe, expect, it } from "vitest";
import {
  computeIndicatorProgress,
  computeSeriesProgress,
  type ProgressSeriesInput,
  progressRuleText,
  statusFromScore,
} from "./progress.ts";

// Expected values were worked out by hand (calculator), never copied from this code:
//   CAGR = (v_t / v_0)^(1/(t − t0)) − 1
//   A: 62 → 66 over 2018–2021:  (66/62)^(1/3) − 1 = 0.0210588
//      required 62 → 70 by 2022: (70/62)^(1/4) − 1 = 0.0308052
//      ratio 0.0210588 / 0.0308052 = 0.683612 → moderate (0.6 ≤ r < 0.95)
//      score (50/7)·0.683612 − 30/7 = 0.597230
//   B: 100 → 103 over 2 years: √1.03 − 1 = 0.0148892 → moderate (< 0.015); score 250·pv − 1.25 = 2.472289
//      100 → 104: √1.04 − 1 = 0.0198039 → substantial; score 500·pv − 5 = 4.901951
//      100 → 101: √1.01 − 1 = 0.0049876 → limited (< 0.005); score 500·pv − 2.5 = −0.006219
//      100 → 99:  √0.99 − 1 = −0.0050126 → deterioration; score 125·pv − 2.5 = −3.126570
//   sdg-build fixture indicator_1-1-1 (headline 2020: 100, 2021: 120, direction negative,
//      base year 2015 absent → 2020): pv = −1 · 0.2 = −0.2 → deterioration, score max(−27.5, −5) = −5
//   sdg-build fixture indicator_3-3-3 (headline, direction negative, target 0 → 0.001,
//      target year 2030, base 2015 = 1.55, current 2019 = 1.82):
//      CAGR_o = (1.82/1.55)^(1/4) − 1 = 0.0409621; CAGR_r = (0.001/1.55)^(1/15) − 1 = −0.3872106
//      pv = −1 · 0.0409621 / 0.3872106 = −0.105788 → deterioration; score (25/6)·pv − 2.5 = −2.940782
//   base 0 → 0.001: 0.001 → 5 over 2 years: √5000 − 1 = 69.710678 → substantial
//   negative values, increase: −10 → −8 over 2 years: √0.8 − 1 = −0.1055728; sign −1 → pv = +0.1055728
//   school years 2016/17 = 50 → 2019/20 = 56: years 2017 → 2020, (56/50)^(1/3) − 1 = 0.0384988
//   quarters: 2018 keeps Q4 = 12; 2020Q2 = 13.5: √1.125 − 1 = 0.0606602
//   maintain 80: 82 → |2|/80 = 0.025 (≤ 0.05, kept); 86 → 0.075 (≤ 0.10, limited, score −2.5·(1.5 − 1) = −1.25);
//      70 → 0.125 (deterioration, score −2.5·(2.5 − 1) = −3.75); target 85, current 84 → 1/85 = 0.011765

const obs = (pairs: [string | number, number][]) => pairs.map(([period, value]) => ({ period, value }));

const exampleA: ProgressSeriesInput = {
  direction: "increase",
  unit: "%",
  baseline: { period: "2018", value: 62 },
  target: { period: "2022", value: 70 },
  observations: obs([
    ["2018", 62],
    ["2019", 63],
    ["2021", 66],
  ]),
};

describe("computeSeriesProgress: statuses", () => {
  const cases: { name: string; input: ProgressSeriesInput; status: string; pv?: number; score?: number }[] = [
    {
      name: "with target, moderate (example A)",
      input: exampleA,
      status: "moderate_progress",
      pv: 0.683612,
      score: 0.59723,
    },
    {
      name: "no target, 100 → 103 in 2 years is just below 1.5 %",
      input: {
        direction: "increase",
        observations: obs([
          [2018, 100],
          [2020, 103],
        ]),
      },
      status: "moderate_progress",
      pv: 0.0148892,
      score: 2.472289,
    },
    {
      name: "no target, 100 → 104",
      input: {
        direction: "increase",
        observations: obs([
          [2018, 100],
          [2020, 104],
        ]),
      },
      status: "substantial_progress",
      pv: 0.0198039,
      score: 4.901951,
    },
    {
      name: "no target, 100 → 101 is just below 0.5 %",
      input: {
        direction: "increase",
        observations: obs([
          [2018, 100],
          [2020, 101],
        ]),
      },
      status: "limited_progress",
      pv: 0.0049876,
      score: -0.006219,
    },
    {
      name: "no target, 100 → 99",
      input: {
        direction: "increase",
        observations: obs([
          [2018, 100],
          [2020, 99],
        ]),
      },
      status: "deterioration",
      pv: -0.0050126,
      score: -3.12657,
    },
    {
      name: "no target, decrease 100 → 99 is progress (0.50126 % ≥ 0.5 %)",
      input: {
        direction: "decrease",
        observations: obs([
          [2018, 100],
          [2020, 99],
        ]),
      },
      status: "moderate_progress",
      pv: 0.0050126,
    },
    {
      name: "sdg-build fixture 1-1-1: base year missing → next year with data",
      input: {
        direction: "decrease",
        baseline: { period: 2015 },
        observations: obs([
          [2020, 100],
          [2021, 120],
        ]),
      },
      status: "deterioration",
      pv: -0.2,
      score: -5,
    },
    {
      name: "sdg-build fixture 3-3-3: target 0 counts as 0.001",
      input: {
        direction: "decrease",
        baseline: { period: 2015 },
        target: { period: 2030, value: 0 },
        observations: obs([
          [2010, 1.51],
          [2014, 1.27],
          [2015, 1.55],
          [2016, 1.69],
          [2017, 1.65],
          [2018, 1.62],
          [2019, 1.82],
        ]),
      },
      status: "deterioration",
      pv: -0.105788,
      score: -2.940782,
    },
    {
      name: "base 0 counts as 0.001",
      input: {
        direction: "increase",
        observations: obs([
          [2018, 0],
          [2020, 5],
        ]),
      },
      status: "substantial_progress",
      pv: 69.710678,
      score: 5,
    },
    {
      name: "negative values: −10 → −8 is an increase",
      input: {
        direction: "increase",
        observations: obs([
          [2018, -10],
          [2020, -8],
        ]),
      },
      status: "substantial_progress",
      pv: 0.1055728,
    },
    {
      name: "school years count as their end year",
      input: {
        direction: "increase",
        observations: obs([
          ["2016/17", 50],
          ["2019/20", 56],
        ]),
      },
      status: "substantial_progress",
      pv: 0.0384988,
    },
    {
      name: "several quarters in a year: the latest counts",
      input: {
        direction: "increase",
        observations: obs([
          ["2018Q1", 10],
          ["2018Q4", 12],
          ["2020Q2", 13.5],
        ]),
      },
      status: "substantial_progress",
      pv: 0.0606602,
    },
    {
      name: "increase: current at target is achieved",
      input: {
        ...exampleA,
        observations: obs([
          ["2018", 62],
          ["2021", 70],
        ]),
      },
      status: "target_achieved",
      score: 5,
    },
    {
      name: "decrease: current below target is achieved",
      input: {
        direction: "decrease",
        baseline: { period: 2018, value: 20 },
        target: { period: 2025, value: 15 },
        observations: obs([[2020, 14]]),
      },
      status: "target_achieved",
      score: 5,
    },
    {
      name: "target achieved needs no second observation (as in sdg-build)",
      input: { direction: "increase", target: { period: 2025, value: 50 }, observations: obs([[2018, 55]]) },
      status: "target_achieved",
    },
    {
      name: "one observation, no target",
      input: { direction: "increase", observations: obs([[2018, 55]]) },
      status: "not_available",
    },
    {
      name: "no observations",
      input: { direction: "increase", observations: [] },
      status: "not_available",
    },
    {
      name: "opposite signs",
      input: {
        direction: "increase",
        observations: obs([
          [2018, -2],
          [2020, 3],
        ]),
      },
      status: "not_available",
    },
    {
      name: "latest observation before the baseline year",
      input: {
        direction: "increase",
        baseline: { period: 2019 },
        observations: obs([
          [2016, 1],
          [2017, 2],
        ]),
      },
      status: "not_available",
    },
    {
      name: "target year not after the base year",
      input: {
        direction: "increase",
        baseline: { period: 2018, value: 10 },
        target: { period: 2018, value: 20 },
        observations: obs([[2020, 12]]),
      },
      status: "not_available",
    },
    {
      name: "target equal to base and moving away",
      input: {
        direction: "increase",
        baseline: { period: 2018, value: 70 },
        target: { period: 2022, value: 70 },
        observations: obs([[2020, 68]]),
      },
      status: "deterioration",
      score: -5,
    },
    {
      name: "maintain: within 5 % of the baseline",
      input: {
        direction: "maintain",
        observations: obs([
          [2018, 80],
          [2021, 82],
        ]),
      },
      status: "target_achieved",
      score: 5,
    },
    {
      name: "maintain: 7.5 % off",
      input: {
        direction: "maintain",
        observations: obs([
          [2018, 80],
          [2021, 86],
        ]),
      },
      status: "limited_progress",
      score: -1.25,
    },
    {
      name: "maintain: 12.5 % off",
      input: {
        direction: "maintain",
        observations: obs([
          [2018, 80],
          [2021, 70],
        ]),
      },
      status: "deterioration",
      score: -3.75,
    },
    {
      name: "maintain: measured against the target when there is one",
      input: {
        direction: "maintain",
        target: { period: 2025, value: 85 },
        observations: obs([
          [2018, 80],
          [2021, 84],
        ]),
      },
      status: "target_achieved",
    },
    {
      name: "maintain: a single observation is not enough",
      input: { direction: "maintain", observations: obs([[2018, 80]]) },
      status: "not_available",
    },
  ];

  it.each(cases)("$name", ({ input, status, pv, score }) => {
    const r = computeSeriesProgress(input);
    expect(r.status).toBe(status);
    if (pv !== undefined) expect(r.progressValue).toBeCloseTo(pv, 5);
    if (score !== undefined) expect(r.score).toBeCloseTo(score, 5);
    if (status === "not_available") expect(r.score).toBeUndefined();
    expect(r.explanation.length).toBeGreaterThan(10);
  });
});

describe("computeSeriesProgress: details", () => {
  it("explains example A in Danish", () => {
    expect(computeSeriesProgress(exampleA).explanation).toBe(
      "Udgangspunkt 62 % (2018), seneste 66 % (2021), mål 70 % (2022): den gennemsnitlige årlige vækstrate har været +2,1 %, og målet kræver +3,1 % om året; forholdet 0,68 giver moderat fremgang.",
    );
  });

  it("uses the typed baseline value when the series lacks that year", () => {
    const r = computeSeriesProgress({ ...exampleA, observations: obs([["2021", 66]]) });
    expect(r.base).toEqual({ year: 2018, period: "2018", value: 62 });
    expect(r.progressValue).toBeCloseTo(0.683612, 5);
  });

  it("prefers the observation over the typed baseline value for the same year", () => {
    const r = computeSeriesProgress({ ...exampleA, baseline: { period: 2018, value: 60 } });
    expect(r.base?.value).toBe(62);
  });

  it("says when the base moved to a later year", () => {
    const r = computeSeriesProgress({
      direction: "decrease",
      baseline: { period: 2015 },
      observations: obs([
        [2020, 100],
        [2021, 120],
      ]),
    });
    expect(r.base?.year).toBe(2020);
    expect(r.explanation).toContain("første måling efter udgangsåret 2015");
  });

  it("leaves out observations with n below the threshold and says so", () => {
    const r = computeSeriesProgress({
      direction: "increase",
      observations: [
        { period: 2018, value: 100, n: 40 },
        { period: 2020, value: 104, n: 38 },
        { period: 2021, value: 50, n: 3 },
      ],
    });
    expect(r.current?.year).toBe(2020);
    expect(r.status).toBe("substantial_progress");
    expect(r.explanation).toContain("under 5 personer");
    expect(r.explanation).not.toContain("50");
  });

  it("skips missing values and unreadable periods", () => {
    const r = computeSeriesProgress({
      direction: "increase",
      observations: [
        { period: 2018, value: 100 },
        { period: 2019, value: null },
        { period: "sidste år", value: 1 },
        { period: 2020, value: 104 },
      ],
    });
    expect(r.status).toBe("substantial_progress");
    expect(r.explanation).toContain("periode, der ikke kan tolkes");
  });

  it("shows a zero target as 0 although it computes with 0.001", () => {
    const r = computeSeriesProgress({
      direction: "decrease",
      unit: "personer",
      target: { period: 2030, value: 0 },
      observations: obs([
        [2015, 12],
        [2019, 10],
      ]),
    });
    expect(r.explanation).toContain("mål 0 personer (2030)");
  });

  it("reports an unreadable baseline period", () => {
    const r = computeSeriesProgress({
      direction: "increase",
      baseline: { period: "engang" },
      observations: obs([[2018, 1]]),
    });
    expect(r.status).toBe("not_available");
    expect(r.explanation).toContain("Udgangsåret kan ikke tolkes");
  });
});

describe("computeIndicatorProgress", () => {
  const achieved: ProgressSeriesInput = {
    ...exampleA,
    label: "Mænd",
    observations: obs([
      ["2018", 62],
      ["2021", 71],
    ]),
  };
  const none: ProgressSeriesInput = { direction: "increase", label: "Andre", observations: [] };

  it("one series: that series' result", () => {
    const r = computeIndicatorProgress([exampleA]);
    expect(r.status).toBe("moderate_progress");
    expect(r.score).toBeCloseTo(0.59723, 5);
  });

  it("several series: mean of scores; series without a score left out", () => {
    // (5 + 0.597230) / 2 = 2.798615 ≥ 2.5 → substantial; not all achieved
    const r = computeIndicatorProgress([{ ...exampleA, label: "Kvinder" }, achieved, none]);
    expect(r.score).toBeCloseTo(2.798615, 5);
    expect(r.status).toBe("substantial_progress");
    expect(r.explanation).toContain("Gennemsnit af 2 af 3 serier");
    expect(r.explanation).toContain("Kvinder:");
  });

  it("several series: target achieved only when all are", () => {
    expect(computeIndicatorProgress([achieved, achieved]).status).toBe("target_achieved");
  });

  it("no series with a score", () => {
    expect(computeIndicatorProgress([none, none]).status).toBe("not_available");
    expect(computeIndicatorProgress([]).status).toBe("not_available");
  });
});

describe("statusFromScore", () => {
  it.each([
    [5, false, "substantial_progress"],
    [2.5, false, "substantial_progress"],
    [2.49, false, "moderate_progress"],
    [0, false, "moderate_progress"],
    [-0.01, false, "limited_progress"],
    [-2.5, false, "limited_progress"],
    [-2.51, false, "deterioration"],
    [5, true, "target_achieved"],
    [undefined, true, "not_available"],
  ] as const)("%s (all achieved: %s) → %s", (score, all, status) => {
    expect(statusFromScore(score, all)).toBe(status);
  });
});

describe("progressRuleText", () => {
  it("states the thresholds and special cases in Danish", () => {
    for (const phrase of [
      "0,001",
      "1,5 %",
      "0,95",
      "0,6",
      "modsat fortegn",
      "fastholdes",
      "−5 til 5",
      "skoleår",
    ]) {
      expect(progressRuleText).toContain(phrase);
    }
  });
});
