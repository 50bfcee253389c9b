// Quotes are whole: a source quote never stops inside a number or a word.
import { describe, expect, it } from "vitest";
import { fundingOf } from "./funding.ts";
import { Sink } from "./sink.ts";
import { wholeSpan } from "./wholeSpan.ts";

const quote = (text: string, start: number, end: number) => {
  const s = wholeSpan(text, start, end);
  return text.slice(s.start, s.end);
};

describe("whole quotes", () => {
  const text = "Til projektet er der afsat 2,4 mio. kr. i 2025 og 1.250.000 kr. i alt.";

  it("widens a span that ends inside a decimal number to the whole number", () => {
    const at = text.indexOf("afsat 2");
    expect(quote(text, at, at + "afsat 2".length)).toBe("afsat 2,4");
  });

  it("widens a span that ends inside a number with thousands separators", () => {
    const at = text.indexOf("1.250");
    expect(quote(text, at, at + 3)).toBe("1.250.000");
  });

  it("widens a span that starts or ends inside a word", () => {
    const at = text.indexOf("projektet");
    expect(quote(text, at + 3, at + 6)).toBe("projektet");
  });

  it("keeps a span that is already whole, and the punctuation that ends a sentence outside", () => {
    const at = text.indexOf("i alt");
    expect(quote(text, at, at + 5)).toBe("i alt");
    expect(quote(text, 0, text.length)).toBe(text);
  });

  it("the evidence a recognizer adds is whole even when its span was cut", () => {
    const sink = new Sink(text);
    const at = text.indexOf("afsat 2");
    sink.add({
      entity: "initiative",
      key: "i",
      fields: {},
      confidence: 1,
      evidence: [sink.ev("funding_status", at, at + 7)],
    });
    expect(sink.candidates[0]!.evidence[0]!.quote).toBe("afsat 2,4");
  });

  it("a funding phrase that names an amount quotes the amount with its unit", () => {
    const invented = "Om økonomien: Der er med indsatsen afsat 0,75 mio. kr. årligt til forløbet.";
    const hit = fundingOf(invented)!;
    expect(hit.status).toBe("funded");
    expect(invented.slice(hit.start, hit.end)).toBe("Der er med indsatsen afsat 0,75 mio. kr. årligt");
  });
});
