import { describe, expect, it } from "vitest";
import { statedTableTotals } from "./statedTotals.ts";

describe("a budget table's stated total", () => {
  const header = "Projekter (beløb i 1.000 kr.) 2025 2026 2027";

  it("reads the I alt row after the table in the header's unit and years", () => {
    const after = " \n\nØvrige midler\nPulje 200 - 300\n\nI alt 4.250 3.900 4.100 \n\nNæste afsnit";
    expect(statedTableTotals(header, after)).toEqual([
      { year: 2025, amountDkk: 4_250_000 },
      { year: 2026, amountDkk: 3_900_000 },
      { year: 2027, amountDkk: 4_100_000 },
    ]);
  });

  it("skips a year whose total is a dash, and reads million kroner", () => {
    expect(statedTableTotals("Indsats (mio. kr.) 2030 2031", "\nI alt: 2,5 –")).toEqual([
      { year: 2030, amountDkk: 2_500_000 },
    ]);
  });

  it("gives nothing when there is no total row or its figures do not fit the years", () => {
    expect(statedTableTotals(header, "\nDer er ikke disponeret midler i 2027.")).toBeNull();
    expect(statedTableTotals(header, "\nI alt 4.250 3.900")).toBeNull();
    expect(statedTableTotals("Indsatser 2025 2026 2027", "\nI alt 1 2 3")).toBeNull();
  });
});
