import { describe, expect, it } from "vitest";
import { applyRelativeTarget, findRelativeTarget, relativeTargetText } from "./relativeTarget.ts";

describe("targets written as a change from the baseline", () => {
  it.each([
    ["I 2030 skal 20 pct. færre ledige end i 2024 være på ydelse", 50, 2024, 40],
    ["Antallet skal være 10 % højere end i 2020", 200, 2020, 220],
    ["Ventetiden skal halveres", 12, null, 6],
    ["Antallet af pladser skal fordobles", 35, 2021, 70],
    ["Andelen er faldet med 3 procentpoint", 56, 2016, 53],
    ["Antallet er faldet med 13 pct.", 1.4, 2017, 1.218],
  ])("%s (baseline %d) → %d", (text, baseline, year, want) => {
    const rule = findRelativeTarget(text);
    expect(rule).not.toBeNull();
    expect(applyRelativeTarget(rule!, { value: baseline, year })).toBe(want);
  });

  it("computes nothing when the rule counts from another year than the baseline", () => {
    const rule = findRelativeTarget("20 pct. færre end i 2018")!;
    expect(applyRelativeTarget(rule, { value: 10, year: 2016 })).toBeNull();
  });

  it("finds no rule in a plain target or a share that is not a change", () => {
    expect(findRelativeTarget("Beskæftigelsesfrekvensen skal stige")).toBeNull();
    expect(findRelativeTarget("hvor der er 30 pct. almene boliger")).toBeNull();
  });

  it("shows the rule beside the number", () => {
    const rule = findRelativeTarget("I 2022 skal 25 pct. færre være på ydelse end i 2018")!;
    expect(relativeTargetText(rule, 3.1, 2.325)).toBe(
      "Beregnet fra udgangspunktet: »25 pct. færre være på ydelse end i 2018« giver 3,1 × 0,75 = 2,33",
    );
  });
});
