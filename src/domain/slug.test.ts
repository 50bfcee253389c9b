import { describe, expect, it } from "vitest";
import { slugify, uniqueSlug } from "./slug.ts";

describe("slugify", () => {
  it.each([
    ["Københavns Kommunes integrationspolitik 2011–14", "koebenhavns-kommunes-integrationspolitik-2011-14"],
    ["Ældre- og Handicapforvaltningen", "aeldre-og-handicapforvaltningen"],
    ["Børn & unge", "boern-og-unge"],
    ["Åbenhed på tværs", "aabenhed-paa-tvaers"],
    ["ÆØÅ æøå", "aeoeaa-aeoeaa"],
    ["  Café   Über  ", "cafe-ueber"],
    ["Ligestilling, LGBT+ og inklusion!", "ligestilling-lgbt-og-inklusion"],
    ["Mål 1.2: Flere i job", "maal-1-2-flere-i-job"],
    ["", ""],
    ["!!!", ""],
  ])("%j → %j", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it.each([
    ["alpha beta gamma delta", 12, "alpha-beta"], // cut inside "gamma" → back to the last dash
    ["alpha beta gamma", 10, "alpha-beta"], // cut exactly at a dash
    ["supercalifragilistic", 5, "super"], // one long word is cut hard
    ["ab cdefghijkl", 8, "ab-cdefg"], // the last dash is too early to cut at
  ])("%j with max %i → %j", (text, max, slug) => {
    expect(slugify(text, max)).toBe(slug);
  });

  it("is stable and idempotent", () => {
    const title = "Handleplan for ligestilling 2023–2026 – Økonomiforvaltningen";
    expect(slugify(title)).toBe(slugify(title));
    expect(slugify(slugify(title))).toBe(slugify(title));
  });

  it("never exceeds the default max length of 80", () => {
    expect(slugify("ord ".repeat(100)).length).toBeLessThanOrEqual(80);
  });
});

describe("uniqueSlug", () => {
  it.each([
    [new Set<string>(), "politik"],
    [new Set(["politik"]), "politik-2"],
    [new Set(["politik", "politik-2"]), "politik-3"],
  ])("taken %j → %s", (taken, slug) => {
    expect(uniqueSlug("Politik", taken)).toBe(slug);
  });

  it("accepts a predicate", () => {
    expect(uniqueSlug("Politik", (s) => s === "politik")).toBe("politik-2");
  });

  it("falls back when the text has no letters", () => {
    expect(uniqueSlug("!!!", new Set())).toBe("uden-titel");
    expect(uniqueSlug("!!!", new Set(), { fallback: "politik" })).toBe("politik");
  });

  it("keeps the suffix within the max length", () => {
    expect(uniqueSlug("alpha beta", new Set(["alpha-beta"]), { maxLength: 10 })).toBe("alpha-2");
  });
});
