// Facts read by hand from the demo corpus (data/demo/001): four policies in one file.
import { describe, expect, it } from "vitest";
import { CORPUS, childrenOf, field, ofEntity, readDemo, run } from "./recognize/testkit.ts";
import type { Candidate } from "./types.ts";

describe("001: four policy documents in one file", () => {
  const { x } = run(readDemo(CORPUS.policies));
  const policies = ofEntity(x, "policy");
  const byName = (needle: string): Candidate =>
    policies.find((p) => String(p.fields.title).includes(needle))!;
  const lgbti = byName("LGBTI+");
  const disability = byName("Handicappolitik");
  const integration = byName("Integrationspolitik");
  const actionPlan = byName("Integrationshandleplan");

  it("finds the four policies with their kinds and periods", () => {
    expect(x.documentKind).toBe("policy");
    expect(policies).toHaveLength(4);
    expect(field<string>(lgbti, "title")).toContain("En ligeværdig del af fællesskabet");
    expect(field(lgbti, "period_end")).toBe(2023);
    // The LGBTI+ text names no first year: it "udløber ved udgangen af år 2023", the council's
    // decision of 24 August 2017 was to draft a policy (not to adopt one), and the 2019–2022
    // action plan in the file belongs to the integration policy. No start year is guessed.
    expect(field(lgbti, "period_start")).toBeNull();
    expect(actionPlan.parentKey).toBe(integration.key);
    expect([field(disability, "period_start"), field(disability, "period_end")]).toEqual([2018, 2022]);
    expect(field<string>(integration, "title")).toContain("Lad os investere i integration");
    expect([field(integration, "period_start"), field(integration, "period_end")]).toEqual([2019, 2022]);
    expect(field(actionPlan, "kind")).toBe("action_plan");
    expect([field(actionPlan, "period_start"), field(actionPlan, "period_end")]).toEqual([2019, 2022]);
    for (const p of [lgbti, disability, integration]) expect(field(p, "kind")).toBe("policy");
  });

  it("reads who owns the follow-up", () => {
    // LGBTI+: status collected by Økonomiforvaltningen and put before Økonomiudvalget.
    expect(field(lgbti, "owner_administration")).toBe("ØKF");
    expect(field(lgbti, "owner_committee")).toBe("ØU");
    expect(field<string>(lgbti, "follow_up")).toMatch(/Økonomiudvalget/);
    // Integration: Beskæftigelses- og Integrationsudvalget follows up every year.
    expect(field(integration, "owner_committee")).toBe("BIU");
    expect(field(disability, "owner_administration")).toBe("SOF");
  });

  it("gives the disability policy four themes with 7, 6, 6 and 6 goals", () => {
    const themes = childrenOf(x, disability.key, "theme");
    expect(themes.map((t) => field<string>(t, "title"))).toEqual([
      "Det gode liv",
      "Deltagelse",
      "Dagtilbud, skole, uddannelse og beskæftigelse",
      expect.stringMatching(/^Netværk/),
    ]);
    expect(themes.map((t) => childrenOf(x, t.key, "goal").length)).toEqual([7, 6, 6, 6]);
    const goalTexts = themes.flatMap((t) =>
      childrenOf(x, t.key, "goal").map((g) => field<string>(g, "text")),
    );
    expect(goalTexts[0]).toMatch(/^Vi skal sikre, at borgere med handicap har de nødvendige forudsætninger/);
    expect(goalTexts).toContain("Kommunens samarbejde med civilsamfundsaktører skal styrkes.");
    expect(goalTexts).toContain(
      "Københavns Kommune skal ansætte flere medarbejdere på særlige vilkår herunder fleksjob.",
    );
    expect(goalTexts[goalTexts.length - 1]).toBe(
      "Vi skal tænke i nye netværksorienterede boformer, der forebygger ensomhed.",
    );
    // Pull quotes between the heading and the list are no goals.
    expect(goalTexts.some((t) => t.startsWith("København skal være en by, hvor alle har mulighed"))).toBe(
      false,
    );
  });

  it("gives the integration policy five beacons and thirteen numbered goals", () => {
    const beacons = childrenOf(x, integration.key, "theme");
    expect(beacons.map((b) => field(b, "number"))).toEqual([1, 2, 3, 4, 5]);
    expect(field(beacons[0], "title")).toBe("Flere københavnere med minoritetsbaggrund skal i job");
    expect(field<string>(beacons[3], "title")).toMatch(
      /bedre sundhedstilstand og en forbedret livskvalitet$/,
    );
    const perBeacon = beacons.map((b) => childrenOf(x, b.key, "goal").map((g) => field<number>(g, "number")));
    expect(perBeacon).toEqual([[1, 2, 3], [4, 5, 6], [7, 8], [9], [10, 11, 12, 13]]);
    const goals = perBeacon.flat();
    expect(goals).toHaveLength(13);
    const goal = (n: number): Candidate =>
      ofEntity(x, "goal").find((g) => g.key.startsWith(integration.key) && g.fields.number === n)!;
    expect(field(goal(4), "text")).toBe(
      "Færre børn med minoritetsbaggrund skal have sproglige udfordringer ved skolestart",
    );
    expect(field(goal(13), "text")).toBe("Færre unge kriminelle i udsatte byområder");
    // Responsible committees from the overview tables.
    expect(field(goal(1), "committees")).toEqual(["BIU"]);
    expect(field(goal(3), "committees")).toEqual(["ØU"]);
    expect(field(goal(4), "committees")).toEqual(["BUU"]);
    expect(field(goal(5), "committees")).toEqual(["BUU"]);
    expect(field<string[]>(goal(6), "committees").sort()).toEqual(["BIU", "BUU"]);
    expect(field(goal(7), "committees")).toEqual(["KFU"]);
    expect(field(goal(8), "committees")).toEqual(["BIU"]);
    expect(field<string[]>(goal(9), "committees").sort()).toEqual(["BUU", "SUU"]);
  });

  it("reads indicator baselines with unit and period", () => {
    const indicators = ofEntity(x, "indicator");
    const baseline = (needle: string) => {
      const i = indicators.find((c) => String(c.fields.title).includes(needle));
      return [field(i, "baseline_value"), field(i, "unit"), field(i, "baseline_period")];
    };
    expect(baseline("midlertidig, offentlig forsørgelse")).toEqual([15.3, "pct.", "2018Q3"]);
    expect(baseline("Beskæftigelsesfrekvensen")).toEqual([56, "pct.", "2016"]);
    expect(baseline("sprogscreeningen")).toEqual([39, "pct.", "2017"]);
    expect(baseline("karakteren 2")).toEqual([84, "pct.", "2018"]);
    expect(baseline("uddannelseshjælp")).toEqual([3.1, "pct.", "2018Q3"]);
    expect(baseline("fremmødte børn på FerieCamp")).toEqual([57000, "personer", "2017"]);
    expect(baseline("overvægtige")).toEqual([29, "pct.", "2016/17"]);
    expect(baseline("Center for Diabetes")).toEqual([35, "pct.", "2017"]);
    expect(baseline("Andelen af skoledistrikter")).toEqual([82, "pct.", "2018"]);
    expect(baseline("grundlovsforhør")).toEqual([56, "pct.", "2016"]);
    // Indicators hang under their goal.
    const igu = indicators.find((c) => String(c.fields.title).includes("IGU-forløb"))!;
    expect(field(igu, "baseline_value")).toBe(37);
    expect(x.candidates.find((c) => c.key === igu.parentKey)?.fields.number).toBe(2);
  });

  it("asks for less where the policy's words do, and computes targets written as a change", () => {
    const indicators = ofEntity(x, "indicator");
    const of = (needle: string) => indicators.find((c) => String(c.fields.title).includes(needle));
    // The goal above them asks for more inclusion; the policy's text says "bekæmpe diskrimination",
    // "modvirke social kontrol" and "færre børn er overvægtige".
    for (const needle of ["oplever diskrimination", "social kontrol", "er overvægtige"])
      expect(field(of(needle), "direction"), needle).toBe("decrease");
    expect(field(of("Beskæftigelsesfrekvensen"), "direction")).toBe("increase");
    // "25 pct. færre … end i 2018" from 3,1 pct. in 3rd quarter 2018; "20 pct. færre" from 15,3 pct.
    expect([
      field(of("uddannelseshjælp"), "target_value"),
      field(of("uddannelseshjælp"), "target_period"),
    ]).toEqual([2.325, "2022"]);
    expect(field(of("midlertidig, offentlig forsørgelse"), "target_value")).toBe(12.24);
    // "faldet med 3 procentpoint" from 56 pct.
    expect(field(of("grundlovsforhør"), "target_value")).toBe(53);
    expect(field(of("Beskæftigelsesfrekvensen"), "target_value")).toBeNull();
  });

  it("attributes the LGBTI+ policy's concrete initiatives to the administration of their section", () => {
    const initiatives = childrenOf(x, lgbti.key, "initiative");
    expect(initiatives).toHaveLength(50);
    const perAdmin = new Map<string, number>();
    for (const i of initiatives)
      perAdmin.set(String(i.fields.administration), (perAdmin.get(String(i.fields.administration)) ?? 0) + 1);
    expect(Object.fromEntries(perAdmin)).toEqual({ BIF: 6, BUF: 8, KFF: 8, SOF: 5, SUF: 12, TMF: 3, ØKF: 8 });
    const check = (title: string, admin: string, funding: string): void => {
      const i = initiatives.find((c) => c.fields.title === title);
      expect(i, title).toBeDefined();
      expect([field(i, "administration"), field(i, "funding_status")]).toEqual([admin, funding]);
    };
    check("Charter for demokratiske værdier", "BIF", "unknown");
    check("Coaching og workshops til virksomheder", "BIF", "requires_separate_funding");
    check("Normstormerne", "BUF", "requires_separate_funding");
    check("Uge Sex", "BUF", "unknown");
    check("LGBTI+ kulturhus", "KFF", "requires_separate_funding");
    check("Informationsmateriale", "SOF", "requires_separate_funding");
    check("TRANSIT – Samtaleforløb for transpersoner", "SUF", "unknown");
    check("Kønsneutrale offentlige toiletter", "TMF", "requires_separate_funding");
    check("Kønsneutrale toiletter", "ØKF", "requires_separate_funding");
    check("Deltagelse i Rainbow Cities Network", "ØKF", "unknown");
    expect(initiatives.filter((i) => i.fields.funding_status === "requires_separate_funding")).toHaveLength(
      17,
    );
  });

  it("never promotes timeline captions, years or case stories", () => {
    const texts = x.candidates.flatMap((c) =>
      [c.fields.title, c.fields.text].filter((v): v is string => typeof v === "string"),
    );
    expect(texts.some((t) => /BØSSEHUSET|DANSEFORBUDDET|SUNDHEDSSTYRELSEN/.test(t))).toBe(false);
    expect(texts.some((t) => /^(?:19|20)\d\d$/.test(t))).toBe(false);
    expect(texts.some((t) => /Jacob, som er 15 år|Anna har siden sin tid/.test(t))).toBe(false);
  });

  it("reads the action plan's measures, annual targets and budget per year", () => {
    const measures = childrenOf(x, actionPlan.key, "initiative");
    expect(measures.map((m) => field(m, "title"))).toEqual([
      "Håndholdt og vedvarende virksomhedsindsats for ledige",
      "Særlig virksomhedsrettet indsats for kvinder",
      "Barselsgrupper med fokus på job og uddannelse",
      "Virksomhedsindsats til bekæmpelse af ubevidst diskrimination",
      "Flere lære- og elevpladser til unge",
      "Fritidsjob til unge",
      "Forebyggelse af social kontrol",
    ]);
    for (const m of measures) expect(field(m, "funding_status")).toBe("funded");
    const target = (measure: number, needle: string) =>
      childrenOf(x, measures[measure]!.key, "annual_target").find((t) =>
        String(t.fields.metric).includes(needle),
      );
    expect(field(target(0, "350"), "target_value")).toBe(350);
    expect(field(target(0, "350"), "year")).toBeNull();
    expect(field(target(2, "barselsgruppe"), "target_value")).toBe(30);
    expect(field(target(5, "110 unge"), "target_value")).toBe(110);
    expect(field(target(6, "1.500"), "target_value")).toBe(1500);

    const lines = ofEntity(x, "budget_line").filter((l) => l.key.startsWith(actionPlan.key));
    const amount = (parent: string, year: number) =>
      lines
        .filter((l) => l.parentKey === parent && l.fields.year === year)
        .map((l) => field<number>(l, "amount_dkk"));
    expect(amount(measures[0]!.key, 2019)).toEqual([3_300_000]);
    expect(amount(measures[1]!.key, 2020)).toEqual([2_900_000]);
    expect(amount(measures[1]!.key, 2021)).toEqual([2_500_000]);
    expect(amount(measures[2]!.key, 2021)).toEqual([]);
    expect(amount(measures[6]!.key, 2022)).toEqual([1_000_000]);
    for (const year of [2019, 2020, 2021, 2022]) {
      const total = lines
        .filter((l) => l.fields.year === year)
        .reduce((a, l) => a + field<number>(l, "amount_dkk"), 0);
      expect(total, String(year)).toBe(11_000_000);
    }
    const survey = lines.filter((l) => l.fields.label === "Spørgeskemaundersøgelse");
    expect(survey.map((l) => [l.fields.year, l.fields.amount_dkk])).toEqual([
      [2019, 400_000],
      [2021, 400_000],
    ]);
    expect(x.warnings.filter((w) => w.code === "budget_total_mismatch")).toEqual([]);
  });
});
