import { describe, expect, it } from "vitest";
import { proposeInquiryScope, yearsIn } from "./inquiryScope.ts";

const administrations = [
  { code: "BIF", name: "Beskæftigelses- og Integrationsforvaltningen" },
  { code: "SOF", name: "Socialforvaltningen" },
  { code: "KFF", name: "Kultur- og Fritidsforvaltningen" },
];
const policies = [
  { id: "p-lgbti", title: "LGBTI+-politik 2019–2023" },
  { id: "p-integration", title: "Københavns Kommunes integrationspolitik 2011–2014" },
];

// The council member's question in corpus file 000 (an inquiry of 11 November 2020),
// as the coordinator registers it: the two questions and the sentence defining equality.
const CORPUS_QUESTION = [
  "Hvilke konkrete ligestillingsindsatser foretager forvaltningen? Fx projekter, politikker, undersøgelser og lignende. Her menes både i rollen som arbejdsplads og bredere for at fremme ligestilling for alle københavnere.",
  "Der ønskes et overslag over, hvor mange midler (kroner og årsværk), forvaltningen bruger om året på arbejdet for ligestilling?",
  "Ligestilling er her forstået bredt som ligestilling mellem alle mennesker uanset køn, race og etnicitet, religiøs overbevisning og tro, alder, funktionsevne og seksuel orientering.",
];

describe("proposeInquiryScope", () => {
  it("proposes the six grounds the corpus question names, and no administration, policy or year it does not name", () => {
    const scope = proposeInquiryScope(CORPUS_QUESTION, { administrations, policies });
    expect(scope.equalityGrounds).toEqual([
      "gender",
      "race_ethnicity",
      "religion_belief",
      "age",
      "disability",
      "sexual_orientation",
    ]);
    // "forvaltningen" alone names no particular administration.
    expect(scope.administrations).toEqual([]);
    expect(scope.policyIds).toEqual([]);
    expect(scope.years).toEqual([]);
  });

  it("reads administrations by code or name, policies by title words, LGBTI and years", () => {
    const scope = proposeInquiryScope(
      [
        "Hvad bruger Socialforvaltningen og BIF på LGBTI-indsatser i 2021-2023?",
        "Hvordan følges integrationspolitikken op i forhold til handicap?",
      ],
      { administrations, policies },
    );
    expect(scope.administrations).toEqual(["BIF", "SOF"]);
    expect(scope.equalityGrounds).toEqual([
      "disability",
      "sexual_orientation",
      "gender_identity",
      "sex_characteristics",
    ]);
    expect(scope.years).toEqual([2021, 2022, 2023]);
    // "integrationspolitikken" is not the title word "integrationspolitik" as a whole word.
    expect(scope.policyIds).toEqual([]);
    const named = proposeInquiryScope(["Hvad koster integrationspolitik og LGBTI-politik?"], {
      administrations,
      policies,
    });
    expect(named.policyIds).toEqual(["p-integration"]);
  });

  it("takes the organisation's own name for no policy, but its policies' other words still", () => {
    const question = ["Hvad bruger Københavns Kommune på sin integrationspolitik?"];
    const known = { administrations, policies, organisation: "Københavns Kommune" };
    expect(proposeInquiryScope(["Hvad gør Københavns Kommune for ligestilling?"], known).policyIds).toEqual(
      [],
    );
    expect(proposeInquiryScope(question, known).policyIds).toEqual(["p-integration"]);
    const vesteraa = [{ id: "p-v", title: "Vesterås Kommunes ligestillingsplan" }];
    expect(
      proposeInquiryScope(["Hvad gør Vesterås Kommune?"], {
        administrations,
        policies: vesteraa,
        organisation: "Vesterås Kommune",
      }).policyIds,
    ).toEqual([]);
  });

  it("does not take a lower-case word for an administration code", () => {
    expect(proposeInquiryScope(["Hvad sof man?"], { administrations, policies }).administrations).toEqual([]);
  });
});

describe("yearsIn", () => {
  it.each([
    ["i 2020", [2020]],
    ["2020–23", [2020, 2021, 2022, 2023]],
    ["fra 2019 - 2020 og 2024", [2019, 2020, 2024]],
    ["sagsnr. 2020-0857002", [2020]],
    ["1850 og 12345", []],
  ])("%s → %j", (text, years) => {
    expect(yearsIn(text)).toEqual(years);
  });
});
