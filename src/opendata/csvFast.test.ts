import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { NotPlain, PlainCsv } from "./csvFast.ts";
import { csvRecords } from "./csvStream.ts";

const options = { relax_column_count: true, skip_empty_lines: true };

/** The records of `text` read in two chunks cut at `cut`, or "not plain". */
function plain(text: string, cut: number): string[][] | "not plain" {
  const reader = new PlainCsv();
  try {
    return [...reader.push(text.slice(0, cut)), ...reader.push(text.slice(cut)), ...reader.end()];
  } catch (error) {
    if (error instanceof NotPlain) return "not plain";
    throw error;
  }
}

const readable = [
  "id,name\n1,a\n2,b\n",
  "id,name\r\n1,a\r\n2,b\r\n",
  "id,name\n1,a\n2,b",
  'id,text\n1,"a,""b""\nc"\n2,""\n3,"x\r\ny"\n',
  'a,b,c\n,,\n"",x,\n1,2\n',
  'a\n"""",\n"z\r",w\n',
  "a,b\n1,æøå ☃\n",
];
const others = [
  "a,b\n\n1,2\n",
  'a,b\n1,x"y\n',
  'a,b\n"1"x,2\n',
  "a,b\r1,2\r",
  "a,b\n1,2\r\n3,4\n",
  "a\r\nb\r",
];

describe("plain CSV", () => {
  it.each(readable)("reads %j as csv-parse does, wherever the chunks break", (text) => {
    const expected = parse(text, options);
    for (let cut = 0; cut <= text.length; cut++) expect(plain(text, cut)).toEqual(expected);
  });

  it.each(others)("leaves %j to csv-parse", (text) => {
    expect(plain(text, text.length)).toBe("not plain");
  });
});

describe("csvRecords", () => {
  it("gives csv-parse's records for a file that is not plain CSV, each once", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-csv-"));
    try {
      const file = path.join(dir, "x.csv");
      const text = `id,name\n${Array.from({ length: 120_000 }, (_, i) => `${i},"n ""${i}"""`).join("\n")}\n\n9,z\n`;
      fs.writeFileSync(file, text);
      const records: string[][] = [];
      for await (const record of csvRecords(file)) records.push(record);
      expect(records).toEqual(parse(text, options));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
