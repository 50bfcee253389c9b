// The same documents as another extraction would deliver them: re-wrapped at other page widths
// (long words cut with hyphens) and as a Word/HTML conversion in Markdown. What is recognized
// must not depend on where the lines happened to break.
import { describe, expect, it } from "vitest";
import { asMarkdown, CORPUS, projection, readDemo, rewrap, run } from "./recognize/testkit.ts";
import type { Extraction } from "./types.ts";

// Free-text fields whose paragraph ends depend on the width (a sentence that ends exactly at a
// line end reads as the end of a paragraph) are left out; titles, counts and values are not.
const COMPARED = [
  "title",
  "kind",
  "period_start",
  "period_end",
  "owner_administration",
  "owner_committee",
  "number",
  "text",
  "committees",
  "unit",
  "direction",
  "baseline_value",
  "baseline_period",
  "target_period",
  "administration",
  "committee",
  "funding_status",
  "year",
  "amount_dkk",
  "metric",
  "target_value",
  "asked_by",
  "asked_on",
  "answered_on",
  "signed_by",
  "case_number",
  "document_number",
  "questions",
  "policy_title",
  "from_committee",
  "addressed_to",
  "meeting_date",
  "goals_chosen",
  "equality_grounds",
];

const warnings = (x: Extraction) => x.warnings.map((w) => `${w.code} ${w.message}`);

describe.each([60, 100])("re-wrapped at %i columns", (width) => {
  for (const name of Object.values(CORPUS)) {
    it(`gives the same candidates for ${name}`, () => {
      const raw = readDemo(name);
      const original = run(raw).x;
      const variant = run(rewrap(raw, width)).x;
      expect(variant.documentKind).toBe(original.documentKind);
      expect(projection(variant, COMPARED)).toEqual(projection(original, COMPARED));
      expect(warnings(variant)).toEqual(warnings(original));
    });
  }
});

describe("converted to Word/HTML and back (Markdown)", () => {
  // A conversion puts every line in its own paragraph, so cells of PDF tables no longer show which
  // belong together: goal committees and indicators are not compared here (real Word and HTML
  // tables arrive as tab-separated rows, see extract.unseen.test.ts). A goal's administration is
  // its first committee's, so it is left out of goal lines for the same reason.
  const SHAPE = [
    "title",
    "kind",
    "period_start",
    "period_end",
    "number",
    "text",
    "administration",
    "funding_status",
    "year",
    "amount_dkk",
    "target_value",
  ];
  const withoutGoalAdministration = (line: string) => {
    if (!line.startsWith("goal ")) return line;
    const at = line.indexOf(" {");
    const { administration: _, ...fields } = JSON.parse(line.slice(at + 1));
    return `${line.slice(0, at)} ${JSON.stringify(fields)}`;
  };
  const shape = (x: Extraction) =>
    projection(x, SHAPE)
      .filter((l) => !l.startsWith("indicator ") && !l.startsWith("document "))
      .map(withoutGoalAdministration);
  for (const name of Object.values(CORPUS)) {
    it(`gives the same policies, goals, initiatives and budget lines for ${name}`, () => {
      const raw = readDemo(name);
      const original = run(raw).x;
      const variant = run(asMarkdown(raw), "text/markdown").x;
      expect(variant.documentKind).toBe(original.documentKind);
      expect(shape(variant)).toEqual(shape(original));
    });
  }
});
