import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  formatPeriod,
  formatPeriodDanish,
  normalizePeriod,
  type Period,
  parsePeriod,
  periodYear,
} from "./period.ts";

function parsed(input: string | number): Period {
  const r = parsePeriod(input);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe("parsePeriod → canonical form, Danish form and progress year", () => {
  it.each([
    ["2018", "2018", "2018", 2018],
    [2018, "2018", "2018", 2018],
    [" 2018 ", "2018", "2018", 2018],
    ["år 2018", "2018", "2018", 2018],
    ["2018Q3", "2018Q3", "3. kvt. 2018", 2018],
    ["2018q3", "2018Q3", "3. kvt. 2018", 2018],
    ["2018 Q3", "2018Q3", "3. kvt. 2018", 2018],
    ["2018-Q3", "2018Q3", "3. kvt. 2018", 2018],
    ["2018K3", "2018Q3", "3. kvt. 2018", 2018],
    ["Q3 2018", "2018Q3", "3. kvt. 2018", 2018],
    ["3. kvt. 2018", "2018Q3", "3. kvt. 2018", 2018],
    ["3. kvartal 2018", "2018Q3", "3. kvt. 2018", 2018],
    ["3 kvt 2018", "2018Q3", "3. kvt. 2018", 2018],
    ["2016/17", "2016/17", "2016/17", 2017],
    ["2016/2017", "2016/17", "2016/17", 2017],
    ["2016 / 17", "2016/17", "2016/17", 2017],
    ["skoleåret 2016/17", "2016/17", "2016/17", 2017],
    ["1999/00", "1999/00", "1999/00", 2000],
    ["2019-2022", "2019-2022", "2019–2022", 2022],
    ["2019–2022", "2019-2022", "2019–2022", 2022],
    ["2019 - 2022", "2019-2022", "2019–2022", 2022],
    ["2019—22", "2019-2022", "2019–2022", 2022],
    ["2019 til 2022", "2019-2022", "2019–2022", 2022],
    ["2011–14", "2011-2014", "2011–2014", 2014],
    ["1998-02", "1998-2002", "1998–2002", 2002],
    ["2019-2019", "2019", "2019", 2019],
  ] as const)("%j → %s / %s / %i", (input, canonical, danish, year) => {
    const p = parsed(input);
    expect(formatPeriod(p)).toBe(canonical);
    expect(formatPeriodDanish(p)).toBe(danish);
    expect(periodYear(p)).toBe(year);
  });

  it("gives a range its start and end", () => {
    expect(parsed("2011–14")).toEqual({ kind: "range", start: 2011, end: 2014 });
    expect(parsed("2016/2017")).toEqual({ kind: "school_year", start: 2016, end: 2017 });
    expect(parsed("3. kvt. 2018")).toEqual({ kind: "quarter", year: 2018, quarter: 3 });
  });

  it("is idempotent on canonical forms", () => {
    for (const c of ["2018", "2018Q3", "2016/17", "1999/00", "2019-2022"]) {
      expect(normalizePeriod(c)).toEqual({ ok: true, value: c });
    }
  });
});

describe("parsePeriod rejects garbage with a clear message", () => {
  it.each([
    ["", "kan ikke tolkes"],
    ["abc", "kan ikke tolkes"],
    ["20188", "kan ikke tolkes"],
    ["18", "kan ikke tolkes"],
    ["2018Q5", "kan ikke tolkes"],
    ["5. kvt. 2018", "kan ikke tolkes"],
    ["Q3", "kan ikke tolkes"],
    ["1800", "kan ikke tolkes"],
    ["2020-11-11", "kan ikke tolkes"],
    ["2011-11", "kan ikke tolkes"], // a month, not a range: would expand to 2111
    ["2016/18", "to på hinanden følgende år"],
    ["2017/2016", "to på hinanden følgende år"],
    ["2022-2019", "slutter før"],
  ])("%j", (input, message) => {
    const r = parsePeriod(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe("sorting", () => {
  it("orders by end, then start", () => {
    // Ends: 2016/17 → Aug 2017, 2017Q3 → Oct 2017, 2017 → Jan 2018; the last three
    // all end Jan 2019 and start 2016, 2018, Oct 2018.
    const input = ["2018Q4", "2018", "2016-2018", "2017", "2017Q3", "2016/17"];
    const sorted = input.map(parsed).sort(comparePeriods).map(formatPeriod);
    expect(sorted).toEqual(["2016/17", "2017Q3", "2017", "2016-2018", "2018", "2018Q4"]);
  });
});
