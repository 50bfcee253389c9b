import { describe, expect, it } from "vitest";
import { parseUnitsCsv } from "./unitsCsv.ts";

describe("parseUnitsCsv", () => {
  it.each([
    [
      "semicolons with a header",
      "kode;navn\nBSF;Børne- og Skoleforvaltningen\n",
      [["BSF", "Børne- og Skoleforvaltningen"]],
    ],
    [
      "tabs, CRLF and a BOM",
      "\uFEFFBSF\tBørneforvaltningen\r\nSSF\tSocialforvaltningen",
      [
        ["BSF", "Børneforvaltningen"],
        ["SSF", "Socialforvaltningen"],
      ],
    ],
    [
      "a name with commas, quoted",
      'KUU;"Kultur-, Unge- og Idrætsudvalget"',
      [["KUU", "Kultur-, Unge- og Idrætsudvalget"]],
    ],
    ["a comma as separator, empty lines skipped", "\nøku,Økonomiudvalget\n\n", [["øku", "Økonomiudvalget"]]],
    ["an English header", "code,name\nSSU,Socialudvalget", [["SSU", "Socialudvalget"]]],
    ["nothing", "  \n", []],
  ])("reads %s", (_what, text, expected) => {
    const result = parseUnitsCsv(text);
    expect(result).toEqual({ ok: true, units: expected.map(([code, name]) => ({ code, name })) });
  });

  it.each([
    ["a line without a separator", "BSF;Børneforvaltningen\nSocialforvaltningen", 2],
    ["a line without a name", "BSF;", 1],
    ["a line without a code", ";Børneforvaltningen", 1],
  ])("refuses %s, naming the line", (_what, text, line) => {
    const result = parseUnitsCsv(text);
    expect(result).toMatchObject({ ok: false, line, danish: `Linje ${line} har ikke formen "kode;navn".` });
  });
});
