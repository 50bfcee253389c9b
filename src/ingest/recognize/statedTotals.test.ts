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

  describe("under a table's header row", () => {
    // The header as the table reader quotes it: the unit in the caption above, then the row.
    const table = "1.000 kr. pr. år.\n\nIndsats\t2031\t2032\t2033\tI alt";

    it("takes the I alt row's cells by column, beside a total column", () => {
      const after = "\t90\nI alt\t1.250\t-\t700\t1.950\n\nOpfølgning";
      expect(statedTableTotals(table, after)).toEqual([
        { year: 2031, amountDkk: 1_250_000 },
        { year: 2033, amountDkk: 700_000 },
      ]);
    });

    it("reads a unit in the header's own first cell and a spanned column before the years", () => {
      const header = "Indsats (mio. kr.)\t\t2031\t2032";
      expect(statedTableTotals(header, "\nSamlet\t\t4,5\t5")).toEqual([
        { year: 2031, amountDkk: 4_500_000 },
        { year: 2032, amountDkk: 5_000_000 },
      ]);
    });

    it("takes no I alt row from outside the table", () => {
      // The row under a blank line belongs to whatever follows the table, even with a cell per year.
      const after = "\nPulje\t100\t100\t100\n\nI alt\t1\t2\t3";
      expect(statedTableTotals("1.000 kr.\n\nIndsats\t2031\t2032\t2033", after)).toBeNull();
      expect(statedTableTotals(table, "\nI alt\t1.250\tikke fastlagt\t700")).toBeNull();
    });
  });
});
