import { describe, expect, it } from "vitest";
import { formatNumberDa, formatPercentDa, formatValueWithUnit } from "./numberFormat.ts";

describe("formatNumberDa", () => {
  it.each([
    [1234567, 2, 0, "1.234.567"],
    [1234.5, 2, 0, "1.234,5"],
    [999, 2, 0, "999"],
    [0, 2, 0, "0"],
    [-0.001, 2, 0, "0"],
    [-1.5, 2, 0, "-1,5"],
    [2, 2, 2, "2,00"],
    [5.43219, 3, 0, "5,432"],
    [0.6836, 2, 0, "0,68"],
    [1999.996, 2, 0, "2.000"],
  ])("%d (max %i, min %i) → %s", (value, max, min, text) => {
    expect(formatNumberDa(value, max, min)).toBe(text);
  });

  it("refuses infinities", () => {
    expect(() => formatNumberDa(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("formatPercentDa", () => {
  it.each([
    [0.021, 1, false, "2,1 %"],
    [0.021, 1, true, "+2,1 %"],
    [-0.05, 1, true, "-5 %"],
    [0, 1, true, "0 %"],
  ])("%d → %s", (fraction, decimals, signed, text) => {
    expect(formatPercentDa(fraction, decimals, signed)).toBe(text);
  });
});

describe("formatValueWithUnit", () => {
  it.each([
    [62, "%", "62 %"],
    [1234, "personer", "1.234 personer"],
    [3.5, null, "3,5"],
    [3.5, "  ", "3,5"],
  ])("%d %j → %s", (value, unit, text) => {
    expect(formatValueWithUnit(value, unit)).toBe(text);
  });
});
