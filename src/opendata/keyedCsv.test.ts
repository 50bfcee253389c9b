import { describe, expect, it } from "vitest";
import { KeyedCsv } from "./keyedCsv.ts";

const A = "0b5c8a1e-0000-4000-8000-00000000000a";
const B = "0b5c8a1e-0000-4000-8000-00000000000b";
// Quoted fields with the delimiter, doubled quotes, LF and CR inside them.
const csv = `${A},x,"a,""b""\nc"\n` + `${A},"""",\n` + `${B},"z\r",\n` + `${B},,w\n`;

describe("COPY output split by organisation", () => {
  it("gives each organisation its records without the key column, wherever the chunks break", () => {
    const bytes = Buffer.from(csv);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const split = new KeyedCsv();
      const text = new Map<string, string>();
      let records = 0;
      for (const chunk of [bytes.subarray(0, cut), bytes.subarray(cut)])
        for (const run of split.push(chunk)) {
          text.set(run.organisationId, (text.get(run.organisationId) ?? "") + run.text.toString());
          records += run.records;
        }
      expect(Object.fromEntries(text), `cut at ${cut}`).toEqual({
        [A]: 'x,"a,""b""\nc"\n"""",\n',
        [B]: '"z\r",\n,w\n',
      });
      expect(records).toBe(4);
      expect(split.unfinished).toBe(false);
    }
  });

  it("knows when the input stopped inside a record", () => {
    const split = new KeyedCsv();
    expect(split.push(Buffer.from(`${A},"open\n`))).toEqual([]);
    expect(split.unfinished).toBe(true);
  });
});
