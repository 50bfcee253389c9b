import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalDatetime, canonicalNumber, formatCell, parseCell } from "./cells.ts";
import { field } from "./fields.ts";
import { firstInvalidUtf8 } from "./readPackage.ts";

describe("canonical cells", () => {
  it.each([
    ["1.50", "1.5"],
    ["100", "100"],
    ["100.000", "100"],
    ["-0.0", "0"],
    ["0.000120", "0.00012"],
    ["123456789012345678.25", "123456789012345678.25"],
  ])("number %s → %s", (input, expected) => expect(canonicalNumber(input)).toBe(expected));

  it.each([
    ["2024-05-01T10:00:00.000000Z", "2024-05-01T10:00:00Z"],
    ["2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z"],
  ])("datetime %s → %s", (input, expected) => expect(canonicalDatetime(input)).toBe(expected));

  it("refuses to write a fraction of a second, which Table Schema's default datetime format cannot hold", () => {
    expect(() => canonicalDatetime("2024-05-01T10:00:00.500000Z")).toThrow(/fraction of a second/);
  });

  it("joins lists with ; and quotes, as CSV does, an item holding ; quotes, a line break or nothing", () => {
    const list = field.list("target_groups");
    expect(formatCell(list, ["børn", "unge"])).toBe("børn;unge");
    expect(formatCell(list, [])).toBe("");
    expect(formatCell(list, ["Børn og unge; 6-17 år", "unge"])).toBe('"Børn og unge; 6-17 år";unge');
    expect(formatCell(list, ['"Ung" i byen'])).toBe('"""Ung"" i byen"');
    expect(formatCell(list, ["to\nlinjer", "cr\rher"])).toBe('"to\nlinjer";"cr\rher"');
    expect(formatCell(list, [""])).toBe('""');
  });

  it("reads back exactly the list it wrote, through the file's own CSV quoting (any text)", () => {
    const list = field.list("target_groups");
    const tricky = fc.constantFrom(";", '"', "\n", "\r", "\r\n", " ", ",", "æ", "a", "=", "\t");
    const item = fc.oneof(fc.string(), fc.string({ unit: tricky }));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        const cell = formatCell(list, items);
        // The cell inside a whole CSV file, as export writes it and import reads it.
        const file = stringify(
          [
            ["id", "target_groups"],
            ["x", cell],
          ],
          { eof: true },
        );
        const [, row] = parse(file, { relax_column_count: true, skip_empty_lines: true }) as string[][];
        const back = parseCell(list, row![1]!);
        expect(back).toEqual({ ok: true, value: items });
      }),
      { seed: 20261115, numRuns: 2000 },
    );
  });
});

describe("parseCell", () => {
  const cases: [string, ReturnType<typeof field.int>, string, unknown][] = [
    ["integer", field.int("year"), "2024", 2024],
    ["empty integer", field.int("year"), "", null],
    [
      "number keeps its digits",
      field.num("v"),
      "0.1000000000000000055511151231257827",
      "0.1000000000000000055511151231257827",
    ],
    ["boolean", field.bool("b"), "TRUE", true],
    ["date", field.date("d"), "2024-02-29", "2024-02-29"],
    ["list", field.list("g", { enum: ["gender", "age"] }), "gender;age", ["gender", "age"]],
    ["empty list", field.list("g"), "", []],
    ["empty text kept as text", field.text("disaggregation", { emptyValue: "" }), "", ""],
  ];
  it.each(cases)("%s", (_, def, text, value) => expect(parseCell(def, text)).toEqual({ ok: true, value }));

  const refusals: [string, ReturnType<typeof field.int>, string, string][] = [
    ["a decimal in an integer", field.int("year"), "2024.5", "is not a whole number"],
    ["an int4 overflow", field.int("n"), "3000000000", "is too large"],
    ["a Danish decimal comma", field.num("v"), "1,5", "is not a number"],
    ["NaN", field.num("v"), "NaN", "is not a number"],
    ["a date that does not exist", field.date("d"), "2023-02-29", "is not a date"],
    ["a required value", field.text("title", { required: true }), "", "a value is required"],
    [
      "an unknown ground",
      field.list("g", { enum: ["gender"] }),
      "gender;race",
      '"race" is not one of gender',
    ],
    ["an empty list item", field.list("g"), "a;;b", "empty value"],
    ["an upper-case UUID", field.id(), "0B000000-0000-4000-8000-000000000001", "is not a UUID"],
    ["a NUL character", field.text("t"), "a\u0000b", "NUL"],
    ["a number below the minimum", field.int("n", { minimum: 0 }), "-1", "below the minimum 0"],
  ];
  it.each(refusals)("refuses %s", (_, def, text, message) => {
    const result = parseCell(def, text);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error).toContain(message);
  });
});

describe("firstInvalidUtf8", () => {
  it.each([
    ["ASCII", [0x61, 0x62], -1],
    ["å in UTF-8", [0x61, 0xc3, 0xa5], -1],
    ["å in Latin-1", [0x61, 0xe5, 0x62], 1],
    ["a cut-off sequence", [0x61, 0xe2, 0x82], 1],
    ["an overlong form", [0xc0, 0xaf], 0],
    ["a surrogate", [0xed, 0xa0, 0x80], 0],
    ["a 4-byte emoji", [0xf0, 0x9f, 0x98, 0x80], -1],
  ])("%s", (_, bytes, expected) => expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(expected));
});
