import { describe, expect, it } from "vitest";
import { formatDkk, formatFte, parseDkk, parseFte, unitMultiplier } from "./money.ts";

describe("parseDkk", () => {
  it.each([
    ["1.234.567 kr.", undefined, 1_234_567],
    ["1.234.567", undefined, 1_234_567],
    ["1 234 567", undefined, 1_234_567],
    ["1\u00a0234\u00a0567 kr.", undefined, 1_234_567],
    ["1.000 kr.", undefined, 1_000],
    ["1.000,- kr.", undefined, 1_000],
    ["kr. 1.000,-", undefined, 1_000],
    ["DKK 1.000", undefined, 1_000],
    ["1.234,56", undefined, 1_235],
    ["12,50 kr.", undefined, 13],
    ["-12,50 kr.", undefined, -13],
    ["2,5 mio. kr.", undefined, 2_500_000],
    ["2,5 mio.", undefined, 2_500_000],
    ["2,5 Mio. kr.", undefined, 2_500_000],
    ["2,5mio.kr.", undefined, 2_500_000],
    ["2.5 mio. kr.", undefined, 2_500_000],
    ["3 millioner kr.", undefined, 3_000_000],
    ["1,5 mia. kr.", undefined, 1_500_000_000],
    ["250 t.kr.", undefined, 250_000],
    ["250 tkr.", undefined, 250_000],
    ["0,3", "mio. kr.", 300_000],
    ["0,25", "Mio. kr.", 250_000],
    ["250", "1.000 kr.", 250_000],
    ["250", "(1.000 kr.)", 250_000],
    ["250", "i 1.000 kr.", 250_000],
    ["250", "kr. (1.000)", 250_000],
    ["250", "t.kr.", 250_000],
    ["250", "kr.", 250],
    ["1.500", "1.000 kr.", 1_500_000],
    ["2,5 mio. kr.", "1.000 kr.", 2_500_000], // the unit in the text wins
    ["-1.200", undefined, -1_200],
    ["−1.200 kr.", undefined, -1_200],
    ["÷ 1.200", undefined, -1_200],
    ["÷1.200 kr.", undefined, -1_200],
    ["(1.200)", undefined, -1_200],
    ["kr. -1.200", undefined, -1_200],
    ["-0,5", "mio. kr.", -500_000],
    ["0", undefined, 0],
  ] as const)("%j (unit %j) → %i", (text, unit, expected) => {
    expect(parseDkk(text, { unit })).toEqual({ ok: true, value: expected });
  });

  it.each([["-"], ["–"], [""], ["   "], [null], [undefined], ["kr."]])("%j → null", (text) => {
    expect(parseDkk(text)).toEqual({ ok: true, value: null });
  });

  it.each([["abc"], ["1,234,567"], ["12 kr. og 50 øre"], ["mio."], ["1.23.4"], ["2,5 %"], ["1.2345.678"]])(
    "%j is rejected",
    (text) => {
      const r = parseDkk(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain("kan ikke tolkes");
    },
  );

  it("rejects an unknown unit", () => {
    const r = parseDkk("250", { unit: "euro" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("Enheden");
  });
});

describe("unitMultiplier", () => {
  it.each([
    ["", 1],
    [null, 1],
    ["kr.", 1],
    ["DKK", 1],
    ["1.000 kr.", 1_000],
    ["(1.000 kr.)", 1_000],
    ["t.kr.", 1_000],
    ["tkr", 1_000],
    ["mio. kr.", 1_000_000],
    ["Mio. kr", 1_000_000],
    ["mia. kr.", 1_000_000_000],
  ] as const)("%j → %i", (unit, m) => {
    expect(unitMultiplier(unit)).toEqual({ ok: true, value: m });
  });
});

describe("formatDkk", () => {
  it.each([
    [1_234_567, undefined, "1.234.567 kr."],
    [0, undefined, "0 kr."],
    [999, undefined, "999 kr."],
    [-1_500, undefined, "-1.500 kr."],
    [2_500_000, "millions", "2,5 mio. kr."],
    [3_000_000, "millions", "3 mio. kr."],
    [1_234_567, "millions", "1,2 mio. kr."],
    [999_999, "auto", "999.999 kr."],
    [1_000_000, "auto", "1 mio. kr."],
    [-2_500_000, "auto", "-2,5 mio. kr."],
  ] as const)("%i (%s) → %s", (amount, style, text) => {
    expect(formatDkk(amount, { style })).toBe(text);
  });

  it("takes decimals for millions", () => {
    expect(formatDkk(1_250_000, { style: "millions", decimals: 2 })).toBe("1,25 mio. kr.");
  });

  it("round-trips whole kroner", () => {
    for (const n of [0, 7, 1_000, 1_234_567, -45_000, 987_654_321]) {
      expect(parseDkk(formatDkk(n))).toEqual({ ok: true, value: n });
    }
  });
});

describe("FTE", () => {
  it.each([
    [1.5, "1,5 årsværk"],
    [2, "2 årsværk"],
    [0.25, "0,25 årsværk"],
    [1.333, "1,33 årsværk"],
  ])("%d → %s", (fte, text) => {
    expect(formatFte(fte)).toBe(text);
  });

  it.each([
    ["1,5 årsværk", 1.5],
    ["0,5", 0.5],
    ["2 FTE", 2],
    ["1.5", 1.5],
    ["-", null],
    ["", null],
  ] as const)("%j → %s", (text, value) => {
    expect(parseFte(text)).toEqual({ ok: true, value });
  });

  it("rejects garbage", () => {
    expect(parseFte("en halv").ok).toBe(false);
  });
});
