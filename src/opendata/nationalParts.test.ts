import { describe, expect, it } from "vitest";
import { withLead } from "./nationalParts.ts";

describe("withLead", () => {
  it("puts the lead in front of each record, not of a line break inside quotes", () => {
    const text = 'a,"two\nlines",b\n"say ""x""\n",\n,,\n';
    expect(withLead(Buffer.from(text), Buffer.from("aarhus,"), 3).toString()).toBe(
      'aarhus,a,"two\nlines",b\naarhus,"say ""x""\n",\naarhus,,,\n',
    );
  });

  it("refuses text that ends inside a record, or holds another number of records", () => {
    expect(() => withLead(Buffer.from('a,"b\n'), Buffer.from("x,"), 1)).toThrow(/inside quotes/);
    expect(() => withLead(Buffer.from("a,b"), Buffer.from("x,"), 1)).toThrow(/line break/);
    expect(() => withLead(Buffer.from("a\nb\n"), Buffer.from("x,"), 1)).toThrow(/number of records/);
  });
});
