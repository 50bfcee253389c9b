import { describe, expect, it } from "vitest";
import { findAmounts, findDates, findMeasure, findPeriods, parseYearRange } from "./values.ts";

describe("values", () => {
  it.each([
    ["Tak for din henvendelse af d. 11. november 2020", "2020-11-11"],
    ["**20. november 2020**", "2020-11-20"],
    ["mødet den 3. dec. 2014", "2014-12-03"],
    ["dateret 05.06.2019", "2019-06-05"],
  ])("reads the date in %s", (text, iso) => {
    expect(findDates(text).map((d) => d.value)).toEqual([iso]);
  });

  it("ignores impossible dates", () => {
    expect(findDates("den 31. februar 2020")).toEqual([]);
  });

  it.each([
    ["Integrationspolitik 2019-22", 2019, 2022],
    ["perioden 2019–2022", 2019, 2022],
    ["INTEGRATIONSPOLITIKKEN 2011 - 2014", 2011, 2014],
    ["politikken 2011–14", 2011, 2014],
    ["2019-23", 2019, 2023],
  ])("reads the period in %s", (text, start, end) => {
    expect(parseYearRange(text)).toEqual({ start, end });
  });

  it("does not read amounts or implausible spans as periods", () => {
    expect(parseYearRange("3.300 3.300")).toBeNull();
    expect(parseYearRange("2019-1990")).toBeNull();
  });

  it.each([
    ["i 3. kvt. 2018", "2018Q3"],
    ["i 3. kvartal 2018", "2018Q3"],
    ["i skoleåret 2016/17", "2016/17"],
    ["i 2017", "2017"],
  ])("reads the measurement period in %s", (text, period) => {
    expect(findPeriods(text).map((p) => p.value)).toEqual([period]);
  });

  it.each([
    ["3,3 mio. kr.", 3_300_000],
    ["600 t.kr.", 600_000],
    ["120.000 kr.", 120_000],
    ["7,6 mill.kr.", 7_600_000],
    ["2 mio kr.", 2_000_000],
    ["1, 8 mio. kr.", 1_800_000],
  ])("converts %s to whole kroner", (text, dkk) => {
    expect(findAmounts(text).map((a) => a.value)).toEqual([dkk]);
  });

  it("skips the upper end of a range", () => {
    expect(findAmounts("mellem 0-70 mio. kr.")).toEqual([]);
  });

  it.each([
    ["15,3 pct. af de ikke-vestlige københavnere", 15.3, "pct."],
    ["37 nyankomne københavnere har påbegyndt", 37, "personer"],
    ["var 57.000 i 2017", 57_000, "antal"],
    ["faldet med 3 procentpoint", 3, "procentpoint"],
  ])("reads the value and unit in %s", (text, value, unit) => {
    expect(findMeasure(text)?.value).toEqual({ value, unit });
  });

  it("does not take grades, classes or years for a value", () => {
    expect(findMeasure("min. karakteren 2 i dansk ved 9. klasses afgangsprøve i 2018")).toBeNull();
  });
});
