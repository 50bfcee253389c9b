import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  danishHolidays,
  easterSunday,
  formatDanishDate,
  type HolidayOptions,
  isWorkingDay,
  parseDanishDate,
} from "./danishDate.ts";

describe("parseDanishDate", () => {
  it.each([
    ["d. 11. november 2020", "2020-11-11"],
    ["den 11. november 2020", "2020-11-11"],
    ["d.11. november 2020", "2020-11-11"],
    ["onsdag den 11. november 2020", "2020-11-11"],
    ["Onsdag d. 11. November 2020", "2020-11-11"],
    ["11. november 2020", "2020-11-11"],
    ["20. november 2020", "2020-11-20"],
    ["20 november 2020", "2020-11-20"],
    ["3. dec. 2014", "2014-12-03"],
    ["3. dec 2014", "2014-12-03"],
    ["1. mar. 2021", "2021-03-01"],
    ["1. marts 2021", "2021-03-01"],
    ["5. sept. 2019", "2019-09-05"],
    ["1. jun 2020", "2020-06-01"],
    ["1. jul. 2020", "2020-07-01"],
    ["29. februar 2020", "2020-02-29"],
    ["11.11.2020", "2020-11-11"],
    ["1.2.2021", "2021-02-01"],
    ["11/11/2020", "2020-11-11"],
    ["11-11-2020", "2020-11-11"],
    ["2020-11-11", "2020-11-11"],
    ["  11. november 2020 ", "2020-11-11"],
  ])("%j → %s", (text, iso) => {
    expect(parseDanishDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ["29. februar 2021", "findes ikke"],
    ["31. juni 2020", "findes ikke"],
    ["32.01.2020", "findes ikke"],
    ["2020-13-01", "findes ikke"],
    ["11.11.20", "kan ikke tolkes"],
    ["1. ju 2020", "kendes ikke"], // juni or juli?
    ["1. smarts 2020", "kendes ikke"],
    ["hello", "kan ikke tolkes"],
    ["11.11/2020", "kan ikke tolkes"],
  ])("%j is rejected (%s)", (text, message) => {
    const r = parseDanishDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe("formatDanishDate", () => {
  it.each([
    ["2020-11-11", "11. november 2020"],
    ["2021-02-01", "1. februar 2021"],
    ["2014-12-03", "3. december 2014"],
  ])("%s → %s", (iso, text) => {
    expect(formatDanishDate(iso)).toBe(text);
    expect(parseDanishDate(text)).toEqual({ ok: true, value: iso });
  });

  it("refuses what is not a date", () => {
    expect(() => formatDanishDate("2020-02-30")).toThrow(RangeError);
    expect(() => formatDanishDate("11.11.2020")).toThrow(RangeError);
  });
});

describe("easterSunday", () => {
  // Published Easter dates.
  it.each([
    [1818, "1818-03-22"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2020, "2020-04-12"],
    [2021, "2021-04-04"],
    [2022, "2022-04-17"],
    [2023, "2023-04-09"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
  ])("%i → %s", (year, iso) => {
    expect(easterSunday(year)).toBe(iso);
  });
});

describe("danishHolidays", () => {
  it("2026 with the defaults", () => {
    expect(danishHolidays(2026)).toEqual([
      { date: "2026-01-01", name: "Nytårsdag" },
      { date: "2026-04-02", name: "Skærtorsdag" },
      { date: "2026-04-03", name: "Langfredag" },
      { date: "2026-04-05", name: "Påskedag" },
      { date: "2026-04-06", name: "2. påskedag" },
      { date: "2026-05-14", name: "Kristi himmelfartsdag" },
      { date: "2026-05-24", name: "Pinsedag" },
      { date: "2026-05-25", name: "2. pinsedag" },
      { date: "2026-06-05", name: "Grundlovsdag" },
      { date: "2026-12-25", name: "1. juledag" },
      { date: "2026-12-26", name: "2. juledag" },
    ]);
  });

  it("store bededag up to 2023 only (4th Friday after Easter: 2023-05-05)", () => {
    expect(danishHolidays(2023)).toContainEqual({ date: "2023-05-05", name: "Store bededag" });
    expect(danishHolidays(2024).map((h) => h.name)).not.toContain("Store bededag");
  });

  it("configurable days", () => {
    const names = danishHolidays(2026, { constitutionDay: false, christmasEve: true, newYearsEve: true }).map(
      (h) => h.name,
    );
    expect(names).not.toContain("Grundlovsdag");
    expect(names).toContain("Juleaftensdag");
    expect(names).toContain("Nytårsaftensdag");
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-11-11", true], // Wednesday
    ["2026-11-14", false], // Saturday
    ["2026-11-15", false], // Sunday
    ["2026-12-25", false],
    ["2026-06-05", false],
    ["2026-12-24", true],
  ])("%s → %s", (iso, expected) => {
    expect(isWorkingDay(iso)).toBe(expected);
  });
});

describe("addWorkingDays", () => {
  it.each([
    // [start, n, options, expected, why]
    ["2026-11-13", 1, {}, "2026-11-16", "Friday + 1 → Monday"],
    ["2026-11-11", 10, {}, "2026-11-25", "two plain weeks"],
    ["2026-04-01", 1, {}, "2026-04-07", "over skærtorsdag, langfredag, Easter and 2. påskedag"],
    ["2026-04-01", 2, {}, "2026-04-08", "Easter, two days"],
    ["2026-05-13", 1, {}, "2026-05-15", "over Kristi himmelfartsdag"],
    ["2026-05-22", 1, {}, "2026-05-26", "over 2. pinsedag"],
    ["2026-06-04", 1, {}, "2026-06-08", "grundlovsdag is off by default"],
    ["2026-06-04", 1, { constitutionDay: false }, "2026-06-05", "grundlovsdag as a working day"],
    ["2026-12-23", 1, {}, "2026-12-24", "24 December is a working day by default"],
    ["2026-12-23", 1, { christmasEve: true }, "2026-12-28", "24 December off"],
    ["2026-12-30", 1, {}, "2026-12-31", "31 December is a working day by default"],
    ["2026-12-30", 1, { newYearsEve: true }, "2027-01-04", "31 December off, then nytårsdag"],
    ["2026-12-31", 1, {}, "2027-01-04", "across the year: nytårsdag"],
    ["2023-05-04", 1, {}, "2023-05-08", "store bededag 2023"],
    ["2024-04-25", 1, {}, "2024-04-26", "no store bededag in 2024"],
    ["2026-04-06", -1, {}, "2026-04-01", "backwards over Easter"],
    ["2026-11-14", 0, {}, "2026-11-14", "n = 0 is the same date"],
    ["2027-03-24", 1, {}, "2027-03-30", "Easter 2027: skærtorsdag 25/3 to 2. påskedag 29/3"],
    ["2027-03-19", 10, {}, "2027-04-07", "an inquiry's 10 working days across Easter 2027"],
    ["2027-05-05", 1, {}, "2027-05-07", "over Kristi himmelfartsdag 2027"],
    ["2026-12-18", 5, {}, "2026-12-28", "a week before Christmas 2026"],
    ["2027-12-23", 1, { christmasEve: true }, "2027-12-27", "Christmas 2027 falls on a weekend"],
  ] as [string, number, HolidayOptions, string, string][])(
    "%s + %i (%j) → %s: %s",
    (start, n, options, expected) => {
      expect(addWorkingDays(start, n, options)).toBe(expected);
    },
  );

  it("refuses a fractional n", () => {
    expect(() => addWorkingDays("2026-11-11", 1.5)).toThrow(RangeError);
  });
});
