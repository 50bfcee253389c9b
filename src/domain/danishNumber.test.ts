import { describe, expect, it } from "vitest";
import { danishDigits, parseDanishNumber } from "./danishNumber.ts";

describe("parseDanishNumber", () => {
  it.each([
    ["1.234.567", 1_234_567],
    ["1 234 567", 1_234_567],
    ["1\u00a0234", 1_234],
    ["1.500", 1_500],
    ["1,5", 1.5],
    ["1.234,5", 1_234.5],
    ["12.5", 12.5],
    ["1.000,-", 1_000],
    ["2 mio.", 2_000_000],
    ["2,3 mio.", 2_300_000],
    ["1,5 mia.", 1_500_000_000],
    ["-3", -3],
    ["−3", -3],
    ["÷ 1.200", -1_200],
    ["12 %", 12],
    ["12,5%", 12.5],
    ["40 pct.", 40],
    ["0", 0],
    ["-0", 0],
    ["  7 ", 7],
  ])("%s → %d", (text, value) => {
    expect(parseDanishNumber(text)).toEqual({ ok: true, value });
  });

  it.each([[""], ["   "], [null], [undefined]])("%j is no number → null", (text) => {
    expect(parseDanishNumber(text)).toEqual({ ok: true, value: null });
  });

  it.each([["abc"], ["1,2,3"], ["12.34.5"], ["1..5"], ["--3"], ["3 æbler"], ["%"], ["mio."], ["1.5.2026"]])(
    "%s is an error that quotes the input",
    (text) => {
      const r = parseDanishNumber(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain(text);
    },
  );
});

describe("danishDigits", () => {
  it("reads digits only: a sign or a unit is for the caller", () => {
    expect(danishDigits("57.000")).toBe(57_000);
    expect(danishDigits("15,3")).toBe(15.3);
    expect(danishDigits("-3")).toBeNull();
    expect(danishDigits("12 %")).toBeNull();
  });
});
