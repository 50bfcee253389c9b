import { describe, expect, it } from "vitest";
import { diffParagraphs, diffTexts, paragraphs } from "./textDiff.ts";

describe("paragraph diff", () => {
  it("splits text into paragraphs with whitespace collapsed", () => {
    expect(paragraphs("Et  afsnit\n\n  To\tord \n\n\nTre")).toEqual(["Et afsnit", "To ord", "Tre"]);
  });

  it.each([
    { before: ["a", "b", "c"], after: ["a", "b", "c"], ops: "=a =b =c" },
    { before: ["a", "b", "c"], after: ["a", "x", "c"], ops: "=a -b +x =c" },
    { before: ["a", "b"], after: ["a", "b", "c"], ops: "=a =b +c" },
    { before: ["a", "b", "c"], after: ["b", "c"], ops: "-a =b =c" },
    { before: [], after: ["a"], ops: "+a" },
    { before: ["a", "b", "c", "d"], after: ["a", "c", "b", "d"], ops: "=a -b =c +b =d" },
  ])("$ops", ({ before, after, ops }) => {
    const sign = { same: "=", added: "+", removed: "-" } as const;
    expect(
      diffParagraphs(before, after)
        .map((p) => sign[p.op] + p.text)
        .join(" "),
    ).toBe(ops);
  });

  it("counts added and removed paragraphs between a draft and its adopted version", () => {
    const draft = "Politik\n\nMål 1: Flere i job\n\nMål 2: Færre hjemløse\n\nAfslutning";
    const adopted =
      "Politik\n\nMål 1: Flere i job inden 2030\n\nMål 2: Færre hjemløse\n\nMål 3: Bedre sundhed\n\nAfslutning";
    const d = diffTexts(draft, adopted);
    expect(d.added).toBe(2);
    expect(d.removed).toBe(1);
    expect(d.parts.filter((p) => p.op === "removed").map((p) => p.text)).toEqual(["Mål 1: Flere i job"]);
  });

  it("keeps every paragraph of both versions exactly once", () => {
    const before = Array.from({ length: 60 }, (_, i) => `p${(i * 7) % 23}`);
    const after = Array.from({ length: 50 }, (_, i) => `p${(i * 5) % 19}`);
    const parts = diffParagraphs(before, after);
    expect(parts.filter((p) => p.op !== "added").map((p) => p.text)).toEqual(before);
    expect(parts.filter((p) => p.op !== "removed").map((p) => p.text)).toEqual(after);
  });
});
