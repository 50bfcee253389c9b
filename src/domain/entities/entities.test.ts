import { describe, expect, it } from "vitest";
import { entityFieldNames, entityNames, parseEntity } from "./index.ts";
import { fieldLabel } from "./labels.ts";

describe("entity schemas", () => {
  // The malformed edits that were once stored or crashed (issue: "16 malformed edits accepted").
  const refused: [string, Parameters<typeof parseEntity>[0], Record<string, unknown>, string, string][] = [
    ["empty goal text", "goal", { text: "  " }, "text", "Tekst skal udfyldes."],
    ["goal number x", "goal", { text: "Mål", number: "x" }, "number", "Nummer er ikke et målnummer"],
    ["goal number -1", "goal", { text: "Mål", number: -1 }, "number", "Nummer er ikke et målnummer"],
    ["goal number 1e20", "goal", { text: "Mål", number: 1e20 }, "number", "Nummer er ikke et målnummer"],
    ["empty indicator title", "indicator", { title: "" }, "title", "Titel skal udfyldes."],
    [
      "a policy from year -5",
      "policy",
      { title: "P", kind: "policy", period_start: -5 },
      "period_start",
      "Periodens start skal være mindst 1900.",
    ],
    [
      "period_start abc",
      "policy",
      { title: "P", kind: "policy", period_start: "abc" },
      "period_start",
      "Periodens start skal være et tal.",
    ],
    [
      "period_start 1e12",
      "policy",
      { title: "P", kind: "policy", period_start: 1e12 },
      "period_start",
      "Periodens start må højst være 2200.",
    ],
    [
      "kind nope",
      "policy",
      { title: "P", kind: "nope" },
      "kind",
      "Type skal være Politik, Handleplan, Udvalgshandleplan eller Statusrapport.",
    ],
    [
      "an end before the start",
      "policy",
      { title: "P", kind: "policy", period_start: 2022, period_end: 2019 },
      "period_end",
      "Periodens slutning ligger før periodens start.",
    ],
    ["an unknown field", "budget_line", { amount_dkk: 1, colour: "red" }, "", "Ukendt felt: colour."],
    [
      "a fractional amount",
      "budget_line",
      { amount_dkk: 1.5 },
      "amount_dkk",
      "Beløb (kr.) skal være et helt tal.",
    ],
    ["negative FTE", "budget_line", { fte: -1 }, "fte", "Årsværk skal være mindst 0."],
    [
      "an unknown funding status",
      "initiative",
      { title: "I", funding_status: "free" },
      "funding_status",
      "Finansiering skal være Finansieres inden for rammen",
    ],
    [
      "an unknown ground",
      "initiative",
      { title: "I", equality_grounds: ["race"] },
      "equality_grounds.0",
      "Diskriminationsgrunde skal være Køn",
    ],
    [
      "a bad date",
      "inquiry",
      { asked_by: "A", asked_on: "11-11-2020", questions: ["?"] },
      "asked_on",
      "Spurgt den skal være en dato som 2024-05-31.",
    ],
    [
      "no questions",
      "inquiry",
      { asked_by: "A", asked_on: "2020-11-11", questions: [] },
      "questions",
      "Spørgsmål skal have mindst 1.",
    ],
    [
      "answered before asked",
      "inquiry",
      { asked_by: "A", asked_on: "2020-11-11", answered_on: "2020-11-01", questions: ["?"] },
      "answered_on",
      "Besvaret den ligger før spørgsmålet blev stillet.",
    ],
    [
      "a period that is not one",
      "observation",
      { period: "snart", value: 1 },
      "period",
      "Periode er ikke en periode.",
    ],
    ["a theme numbered 0", "theme", { number: 0, title: "T" }, "number", "Nummer skal være mindst 1."],
  ];
  for (const [what, entity, fields, path, danish] of refused)
    it(`refuses ${what}, in Danish and in English`, () => {
      const da = parseEntity(entity, fields, "da");
      const en = parseEntity(entity, fields, "en");
      expect(da.ok).toBe(false);
      expect(en.ok).toBe(false);
      if (da.ok || en.ok) return;
      expect(da.issues.find((i) => i.path === path)?.message).toContain(danish);
      const english = en.issues.find((i) => i.path === path)?.message ?? "";
      expect(english).toMatch(/^[a-z"]/);
      expect(english).not.toMatch(/[æøå]/i);
    });

  it("reads what recognizers give: numbers as goal numbers, canonical periods, blanks as not given", () => {
    const goal = parseEntity(
      "goal",
      { kind: "result_goal", number: 3, text: " Flere i job ", committees: ["BIU", "BIU"] },
      "en",
    );
    expect(goal).toEqual({
      ok: true,
      value: {
        kind: "result_goal",
        number: "3",
        text: "Flere i job",
        committees: ["BIU"],
        administration: null,
      },
    });
    const indicator = parseEntity(
      "indicator",
      { title: "Ledighed", baseline_period: "3. kvt. 2018", unit: "" },
      "en",
    );
    expect(indicator.ok && indicator.value).toMatchObject({
      baseline_period: "2018Q3",
      unit: null,
      direction: null,
    });
    const initiative = parseEntity("initiative", { title: "I", status: null }, "en");
    expect(initiative.ok && initiative.value).toMatchObject({ status: "unknown", funding_status: "unknown" });
  });

  it("has a Danish label for every field of every entity", () => {
    for (const entity of entityNames)
      for (const field of entityFieldNames(entity))
        expect(fieldLabel(field, entity), `${entity}.${field}`).not.toBe(field.replace(/_/g, " "));
  });

  it("labels a part of a field the way evidence names it", () => {
    expect(fieldLabel("goals_chosen[0]", "hearing_response")).toBe("Valgte mål, nr. 1");
    expect(fieldLabel("equality_grounds:race_ethnicity", "policy")).toBe(
      "Diskriminationsgrunde: Race og etnicitet",
    );
  });
});
