import { describe, expect, it } from "vitest";
import { initiativeYears, runsInYear } from "./initiativeYears.ts";

const none = new Set<number>();

describe("runsInYear", () => {
  it.each([
    // own years, policy period, line years, year, runs
    [[2022, 2024], [2020, 2027], [], 2021, false],
    [[2022, 2024], [2020, 2027], [], 2022, true],
    [[2022, 2024], [2020, 2027], [], 2024, true],
    [[2022, 2024], [2020, 2027], [], 2025, false],
    [[null, null], [2020, 2027], [], 2027, true],
    [[null, null], [2020, 2027], [], 2028, false],
    [[2025, null], [2020, 2027], [], 2027, true], // its own start, the policy's end
    [[2025, null], [2020, null], [], 2025, true], // a start and no end: that year only
    [[2025, null], [2020, null], [], 2026, false],
    [[null, null], [null, null], [], 2024, false],
    [[null, null], [null, null], [2030], 2030, true], // a budget line names the year
    [[2020, 2021], [2020, 2021], [2030], 2030, true],
  ] as const)("own %j, policy %j, lines %j: runs in %i → %s", (own, policy, lines, year, runs) => {
    const years = initiativeYears(
      { startYear: own[0], endYear: own[1] },
      { periodStart: policy[0], periodEnd: policy[1] },
      lines.length ? new Set(lines) : none,
    );
    expect(runsInYear(years, year)).toBe(runs);
  });
});
