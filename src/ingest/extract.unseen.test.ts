// Documents the recognizers have never seen: made up for these tests in the style of municipal
// equality policies, action plans and letters, with the damage PDF extraction does.
import { describe, expect, it } from "vitest";
import { childrenOf, field, findBy, ofEntity, run } from "./recognize/testkit.ts";

const POLICY = `LIGESTILLINGSPOLITIK
2024–2027

Havnestad Kommunes Ligestillingspolitik 2024–2027 ”Plads til alle”

Forord
Havnestad skal være en kommune, hvor alle borgere og med-
arbejdere behandles lige uanset køn, alder, etnisk oprindelse, 
handicap, religion eller tro, seksuel orientering og kønsidentitet. 
Ligestillingspolitikken gælder for hele kommunen.

Politikken har fokus på tre temaer, som skal løfte ligestillingen i kommunen: Tryghed i hverdagen, Lige adgang til job samt Fællesskab og deltagelse:

Ligestillingspolitik 2024–2027

3

Tryghed i hverdagen
Alle skal kunne færdes trygt i byen, på arbejdspladsen og i 
foreningslivet. Det gælder også borgere, der oplever chikane 
på grund af deres kønsudtryk.

MÅLSÆTNINGER
\uf098 Flere borgere skal opleve sig trygge i byens offentlige rum.
\uf098 Ingen skal udsættes for chikane på grund af køn eller sek-
 sualitet.

Lige adgang til job
Kommunen vil arbejde for, at flere borgere med handicap og 
flere ældre ledige kommer i job.

MÅLSÆTNINGER
\uf098 Flere borgere med handicap skal have et job på ordinære vilkår.
\uf098 Kommunens ansatte skal afspejle byens befolkning.
\uf098 Ledige over 55 år skal have samme chance for job som andre ledige.

Ligestillingspolitik 2024–2027

4

Fællesskab og deltagelse
Foreningslivet skal være åbent for alle, og kommunen vil støtte 
foreninger, der inviterer nye grupper ind.

MÅLSÆTNINGER
\uf098 Flere børn og unge skal være med i en forening.
\uf098 Flere kvinder skal sidde i bestyrelser for lokale foreninger.

Børne- og Ungdomsforvaltningen

• Konkret initiativ: Trivselsmålinger med kønsopdeling: For-
valtningen vil opgøre elevernes trivsel opdelt på køn og kønsidentitet. 
Det bemærkes, at gennemførelse af initiativet forudsætter særskilt 
finansiering.

• Konkret initiativ: Normkritisk undervisning: Forvaltningen tilbyder 
skolerne forløb om normer for køn og seksualitet.

Ligestillingspolitik 2024–2027

5

Socialforvaltningen

• Konkret initiativ: Krisecenter for mænd: Forvaltningen etablerer 
et tilbud til mænd udsat for vold i nære relationer. Initiativet finan-
sieres inden for rammen.

Årlig opfølgning
Økonomiforvaltningen indhenter hvert år status på politikkens initiati-
ver fra forvaltningerne. Status forelægges Økonomiudvalget ved ud-
gangen af året.
`;

const ACTION_PLAN = `Handleplan for lige adgang 2025-2026

Handleplanen skal bidrage til at nå målene i Ligestillingspolitikken 2024-2027. Beskæftigelses- og Integrationsudvalget vedtog handleplanen, og Beskæftigelses- og Integrationsudvalget følger den.

Indsatserne i handleplanen

• Mentorforløb for ledige over 55 år (1,2 mio. kr.)
• Jobmesse for borgere med handicap (0,5 mio. kr.)

Mentorforløb for ledige over 55 år

Ledige over 55 år får en mentor, der hjælper dem med at finde et job, og som følger
dem de første måneder i den nye stilling. Indsatsen bygger på gode erfaringer fra en tidligere forsøgsperiode.

Årlige mål
• Minimum 80 ledige deltager i indsatsen årligt.
• 45 pct. af deltagerne kommer i job.

Økonomi
Der er med indsatsen afsat 1,2 mio. kr. årligt.

Jobmesse for borgere med handicap

En gang om året holder kommunen en jobmesse, hvor virksomheder møder jobsøgende med handicap
og får viden om de støtteordninger, der findes for dem.

Årlige mål
• 25 virksomheder deltager i jobmessen årligt.

Økonomi
Der er med indsatsen afsat 0,5 mio. kr. årligt.

Oversigt over midlerne (opgjort i mio. kr.) 2025 2026
Mentorforløb for ledige over 55 år 1,2 1,2
Jobmesse for borgere med handicap 0,5 0,5
I alt 1,7 1,8
`;

const ANSWER = `Til Sara Holm, MB

Kære Sara Holm

Tak for dit spørgsmål af 3. marts 2025, hvor du spørger:

- Hvor mange medarbejdere i forvaltningen har gennemført kurset i inkluderende sprog?
- Hvad koster kurset om året?

Sagsnr. 2025-0012345
Dokumentnr. 2025-0012345-2

12. marts 2025

Kultur- og Fritidsforvaltningens svar

I alt har 140 medarbejdere gennemført kurset, og det koster cirka 90.000 kr. om året. Kurset handler om køn, kønsidentitet og handicap.

Med venlig hilsen

Lise Berg
Direktør
`;

describe("an unseen equality policy", () => {
  const { x } = run(POLICY, "application/pdf");
  const policy = ofEntity(x, "policy")[0];

  it("finds the policy, its title, period and owner", () => {
    expect(x.documentKind).toBe("policy");
    expect(ofEntity(x, "policy")).toHaveLength(1);
    expect(field<string>(policy, "title")).toMatch(/^Ligestillingspolitik: Plads til alle$/);
    expect([field(policy, "period_start"), field(policy, "period_end")]).toEqual([2024, 2027]);
    expect(field(policy, "owner_administration")).toBe("ØKF");
    expect(field(policy, "owner_committee")).toBe("ØU");
  });

  it("finds three themes with 2, 3 and 2 goals", () => {
    const themes = childrenOf(x, policy!.key, "theme");
    expect(themes.map((t) => field(t, "title"))).toEqual([
      "Tryghed i hverdagen",
      "Lige adgang til job",
      "Fællesskab og deltagelse",
    ]);
    expect(themes.map((t) => childrenOf(x, t.key, "goal").length)).toEqual([2, 3, 2]);
    const second = childrenOf(x, themes[0]!.key, "goal")[1];
    expect(field(second, "text")).toBe("Ingen skal udsættes for chikane på grund af køn eller seksualitet.");
  });

  it("finds the concrete initiatives with their administration and funding", () => {
    const i = childrenOf(x, policy!.key, "initiative");
    expect(i.map((c) => [field(c, "title"), field(c, "administration"), field(c, "funding_status")])).toEqual(
      [
        ["Trivselsmålinger med kønsopdeling", "BUF", "requires_separate_funding"],
        ["Normkritisk undervisning", "BUF", "unknown"],
        ["Krisecenter for mænd", "SOF", "within_frame"],
      ],
    );
    expect(field<string[]>(i[0], "equality_grounds")).toEqual(["gender", "gender_identity"]);
  });

  it("drops the running head and page numbers", () => {
    const texts = x.candidates.map((c) => JSON.stringify(c.fields));
    expect(texts.some((t) => /"(?:3|4|5)"/.test(t))).toBe(false);
    expect(ofEntity(x, "theme").some((t) => String(t.fields.title).includes("Ligestillingspolitik"))).toBe(
      false,
    );
  });
});

describe("an unseen action plan", () => {
  const { x } = run(ACTION_PLAN);
  const plan = ofEntity(x, "policy")[0];

  it("reads the plan, its measures, targets and budget in mio. kr.", () => {
    expect(x.documentKind).toBe("action_plan");
    expect([field(plan, "period_start"), field(plan, "period_end")]).toEqual([2025, 2026]);
    expect(field(plan, "owner_committee")).toBe("BIU");
    const measures = childrenOf(x, plan!.key, "initiative");
    expect(measures.map((m) => field(m, "title"))).toEqual([
      "Mentorforløb for ledige over 55 år",
      "Jobmesse for borgere med handicap",
    ]);
    expect(measures.map((m) => field(m, "funding_status"))).toEqual(["funded", "funded"]);
    const targets = childrenOf(x, measures[0]!.key, "annual_target");
    expect(targets.map((t) => [field(t, "target_value"), field(t, "unit")])).toEqual([
      [80, "ledige"],
      [45, "pct."],
    ]);
    const lines = childrenOf(x, measures[0]!.key, "budget_line");
    expect(lines.map((l) => [field(l, "year"), field(l, "amount_dkk")])).toEqual([
      [2025, 1_200_000],
      [2026, 1_200_000],
    ]);
  });

  it("warns that the 2026 total does not match its lines", () => {
    const w = x.warnings.filter((w) => w.code === "budget_total_mismatch");
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain("2026");
  });
});

describe("an unseen answer to a council member", () => {
  const { x } = run(ANSWER, "text/markdown");
  const inquiry = ofEntity(x, "inquiry")[0];

  it("reads the inquiry metadata", () => {
    expect(x.documentKind).toBe("inquiry_answer");
    expect(field(inquiry, "asked_by")).toBe("Sara Holm");
    expect(field(inquiry, "asked_on")).toBe("2025-03-03");
    expect(field(inquiry, "answered_on")).toBe("2025-03-12");
    expect(field(inquiry, "administration")).toBe("KFF");
    expect(field(inquiry, "signed_by")).toBe("Lise Berg");
    expect(field(inquiry, "case_number")).toBe("2025-0012345");
    expect(field(inquiry, "document_number")).toBe("2025-0012345-2");
    expect(field<string[]>(inquiry, "questions")).toHaveLength(2);
    expect(field<string[]>(inquiry, "equality_grounds")).toEqual(["gender", "disability", "gender_identity"]);
  });
});

describe("an overview table from a Word or HTML conversion", () => {
  const TABLE = `Integrationspolitik 2030-2033

Integrationspolitikken 2030-2033 har fem mål. Beskæftigelses- og Integrationsudvalget følger op hvert år på integrationspolitikken.

Mål\tIndikator\tBaseline\tUdvalg
1. Flere i job\tBeskæftigelsesfrekvensen skal stige\t58 pct. i 2029\tBeskæftigelses- og Integrationsudvalget
2. Færre uden uddannelse\tAndelen uden uddannelse\t3,2 pct. i 2. kvt. 2029\tBørne- og Ungdomsudvalget
`;
  const { x } = run(TABLE, "text/html");

  it("reads goals, indicators, baselines and committees from the rows", () => {
    const goals = ofEntity(x, "goal");
    expect(goals.map((g) => [field(g, "number"), field(g, "text"), field(g, "committees")])).toEqual([
      [1, "Flere i job", ["BIU"]],
      [2, "Færre uden uddannelse", ["BUU"]],
    ]);
    const second = findBy(x, "indicator", "title", "uden uddannelse");
    expect([
      field(second, "baseline_value"),
      field(second, "unit"),
      field(second, "baseline_period"),
      field(second, "direction"),
    ]).toEqual([3.2, "pct.", "2029Q2", "decrease"]);
  });
});
