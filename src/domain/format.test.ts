import { describe, expect, it } from "vitest";
import { formatDkk, formatDkkShort, formatNumber, formatPeriod, formatValue, periodYear } from "./format.ts";

describe("Danish formatting", () => {
  it.each([
    [1234567.5, 1, "1.234.567,5"],
    [62, 1, "62"],
    [0.126, 2, "0,13"],
    [-3.5, 1, "-3,5"],
  ])("formatNumber(%s, %s) = %s", (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it.each([
    [62, "%", "62 %"],
    [3.5, "årsværk", "3,5 årsværk"],
    [12, "", "12"],
    [1200, " kr. ", "1.200 kr."],
  ])("formatValue(%s, %j) = %s", (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });

  it("writes amounts in kroner or millions", () => {
    expect(formatDkk(850_000)).toBe("850.000 kr.");
    expect(formatDkk(1_200_000)).toBe("1,2 mio. kr.");
    expect(formatDkkShort(2_750_000)).toBe("2,8 mio.");
  });

  it.each([
    ["2018", "2018", 2018],
    ["2018Q3", "3. kvt. 2018", 2018],
    ["2016/17", "2016/17", 2017],
    ["ukendt", "ukendt", undefined],
  ])("period %s reads %s and counts as %s", (period, words, year) => {
    expect(formatPeriod(period)).toBe(words);
    expect(periodYear(period)).toBe(year);
  });
});
