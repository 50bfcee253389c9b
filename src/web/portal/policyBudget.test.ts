// The budget table's check against the total a document states.
import { describe, expect, it } from "vitest";
import type { PolicyBudget } from "../../queries/policies/budget.ts";
import { statedTotalCheck } from "./policyBudget.tsx";

function budget(totals: [number, number][], stated: [number, number][] | null): PolicyBudget {
  return {
    rows: [],
    years: totals.map(([y]) => y),
    hasWholePeriod: false,
    totals: new Map(totals),
    stated: stated ? new Map(stated) : null,
  };
}

describe("check against the document's I alt", () => {
  it("says the sums agree for the years where they do, and gives the difference where not", () => {
    const lines = statedTotalCheck(
      budget(
        [
          [2025, 3_000_000],
          [2026, 2_400_000],
        ],
        [
          [2025, 3_000_000],
          [2026, 3_000_000],
        ],
      ),
    );
    expect(lines).toEqual([
      "Summen stemmer med dokumentets »I alt« for 2025.",
      "Summen stemmer ikke med dokumentets »I alt«: 2026: linjerne summerer til 2,4 mio. kr., dokumentet angiver 3 mio. kr. i alt (forskel 600.000 kr.).",
    ]);
  });

  it("says nothing when the document states no total", () => {
    expect(statedTotalCheck(budget([[2025, 1]], null))).toEqual([]);
  });
});
