import { describe, expect, it } from "vitest";
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  displayCount,
  isSuppressed,
  isSuppressedMarker,
  suppress,
  suppressionMarker,
} from "./suppression.ts";

describe("isSuppressed", () => {
  it.each([
    [0, 5, true],
    [1, 5, true],
    [4, 5, true],
    [5, 5, false],
    [100, 5, false],
    [9, 10, true],
    [10, 10, false],
    [null, 5, false], // unknown n: a published aggregate
    [undefined, 5, false],
    [Number.NaN, 5, true], // bad data fails closed
    [-1, 5, true],
  ])("n = %s, threshold %i → %s", (n, threshold, expected) => {
    expect(isSuppressed(n, threshold)).toBe(expected);
  });

  it("defaults to 5", () => {
    expect(DEFAULT_SUPPRESSION_THRESHOLD).toBe(5);
    expect(isSuppressed(4)).toBe(true);
    expect(isSuppressed(5)).toBe(false);
  });

  it("refuses a nonsensical threshold", () => {
    expect(() => isSuppressed(3, 0)).toThrow(RangeError);
    expect(() => isSuppressed(3, 2.5)).toThrow(RangeError);
  });
});

describe("suppress", () => {
  it.each([
    [12.5, 3, undefined, "<5"],
    [12.5, 5, undefined, 12.5],
    [12.5, null, undefined, 12.5],
    [7, 7, 10, "<10"],
    ["62 %", 2, undefined, "<5"],
  ] as const)("value %j with n %j (threshold %j) → %j", (value, n, threshold, expected) => {
    expect(suppress(value, n, threshold)).toBe(expected);
  });
});

describe("displayCount", () => {
  it.each([
    [0, "<5"],
    [3, "<5"],
    [5, "5"],
    [1234, "1.234"],
    [1234567, "1.234.567"],
  ])("%i → %s", (n, text) => {
    expect(displayCount(n)).toBe(text);
  });

  it("uses the given threshold", () => {
    expect(displayCount(8, 10)).toBe("<10");
  });

  it("refuses what is not a count", () => {
    expect(() => displayCount(-1)).toThrow(RangeError);
    expect(() => displayCount(2.5)).toThrow(RangeError);
  });
});

describe("markers", () => {
  it("recognizes its own marker only", () => {
    expect(suppressionMarker()).toBe("<5");
    expect(isSuppressedMarker("<5")).toBe(true);
    expect(isSuppressedMarker("<10")).toBe(true);
    expect(isSuppressedMarker("5")).toBe(false);
    expect(isSuppressedMarker(5)).toBe(false);
  });
});
