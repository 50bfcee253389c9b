import { describe, expect, it } from "vitest";
import { actionLabel, auditChanges } from "./audit/auditText.ts";
import { csvCell } from "./audit/routes.tsx";
import { safeNext } from "./login/routes.tsx";
import { parseEditedFields } from "./review/schema.ts";

describe("admin helpers", () => {
  it.each([
    ["/admin/forslag?slags=goal", "/admin/forslag?slags=goal"],
    ["/admin", "/admin"],
    ["https://evil.example/admin", "/admin"],
    ["//evil.example", "/admin"],
    ["/admin//evil.example", "/admin"],
    ["/adminx", "/admin"],
    ["javascript:alert(1)", "/admin"],
    [undefined, "/admin"],
  ])("after login goes only to an admin path: %s → %s", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["almindelig tekst", "almindelig tekst"],
    [null, ""],
  ])("defuses spreadsheet formulas in CSV cells: %s", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("reads edited fields back with their types: Danish numbers, lists split on semicolons, empty text as null", () => {
    const original = { title: "Gammel", amount_dkk: 1000, committees: ["BIU"], note: "x", nested: { a: 1 } };
    const { fields, errors } = parseEditedFields("budget_line", original, {
      "f.title": "  Ny titel ",
      "f.amount_dkk": "1.250.000,5",
      "f.committees": "BIU; SOU ;",
      "f.note": "",
      "f.nested": "{}",
    });
    expect(errors).toEqual([]);
    expect(fields).toEqual({
      title: "Ny titel",
      amount_dkk: 1250000.5,
      committees: ["BIU", "SOU"],
      note: null,
    });
  });

  it.each([
    ["1.500", 1500],
    ["2,5", 2.5],
    ["1.234.567", 1234567],
    ["12.5", 12.5],
    ["-3", -3],
  ])("reads the Danish number %s as %s", (text, value) => {
    expect(parseEditedFields("observation", { n: 0 }, { "f.n": text }).fields.n).toBe(value);
  });

  it("reads ticked grounds as a list, none ticked as an empty list, and a choice left empty as not given", () => {
    const original = { equality_grounds: ["gender"], funding_status: "funded" };
    expect(
      parseEditedFields("initiative", original, {
        "f.equality_grounds.vist": "1",
        "f.equality_grounds": ["age", "disability"],
        "f.funding_status": "",
      }).fields,
    ).toEqual({ equality_grounds: ["age", "disability"], funding_status: undefined });
    expect(
      parseEditedFields("initiative", original, { "f.equality_grounds.vist": "1" }).fields.equality_grounds,
    ).toEqual([]);
    expect(parseEditedFields("initiative", original, {}).fields).toEqual({});
  });

  it("names a number field that is not a number", () => {
    const { errors } = parseEditedFields("budget_line", { year: 2020 }, { "f.year": "tyve" });
    expect(errors).toEqual([{ fieldId: "f-year", message: "År skal være et tal, fx 1.500 eller 2,5." }]);
  });

  it("summarises an audit event's change in Danish: labels, readable values, no ids or JSON", () => {
    expect(auditChanges({ title: "A", version: 1 }, { title: "B", version: 2 }).changes).toEqual([
      { label: "Titel", before: "A", after: "B" },
    ]);
    expect(auditChanges(null, { email: "a@b.dk" }).changes).toEqual([
      { label: "E-mail", before: null, after: "a@b.dk" },
    ]);
    const { changes } = auditChanges(
      { fundingStatus: "unknown", disabled: false, administrationId: "x" },
      {
        fundingStatus: "within_frame",
        disabled: true,
        administrationId: "y",
        numbers: { spendDkk: 1500, fte: 0.5 },
      },
    );
    expect(changes).toEqual([
      { label: "Finansiering", before: "Ukendt", after: "Finansieres inden for rammen" },
      { label: "Spærret", before: "nej", after: "ja" },
      { label: "Tal", before: null, after: "Forbrug (kr.): 1.500; Årsværk: 0,5" },
    ]);
    expect(actionLabel("initiative.update", "initiative")).toBe("Initiativ ændret");
    expect(actionLabel("round.locked", "status_round")).toBe("Statusrunde: Låst");
    expect(actionLabel("user.login")).toBe("Logget ind");
  });
});
