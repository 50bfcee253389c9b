import { describe, expect, it } from "vitest";
import { spreadsheetText } from "./spreadsheetText.ts";

describe("spreadsheetText", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Klik")', `'=HYPERLINK("http://evil.example","Klik")`],
    ["+45 1234", "'+45 1234"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["Mentorordning = godt", "Mentorordning = godt"],
    ["", ""],
  ])("%j → %j", (input, expected) => expect(spreadsheetText(input)).toBe(expected));
});
