// Facts read by hand from the demo corpus (data/demo/): the answer to a council member, the
// status report section and the hearing response, checked against what the importer finds.
import { describe, expect, it } from "vitest";
import { CORPUS, field, ofEntity, readDemo, run } from "./recognize/testkit.ts";

describe("000: answer to a council member's questions", () => {
  const { x } = run(readDemo(CORPUS.inquiry));
  const inquiry = ofEntity(x, "inquiry")[0];

  it("is an inquiry answer", () => {
    expect(x.documentKind).toBe("inquiry_answer");
    expect(ofEntity(x, "inquiry")).toHaveLength(1);
  });

  it("reads who asked, when, who answered and signed", () => {
    expect(field(inquiry, "asked_by")).toBe("Badar Shah");
    expect(field(inquiry, "asked_on")).toBe("2020-11-11");
    expect(field(inquiry, "answered_on")).toBe("2020-11-20");
    expect(field(inquiry, "administration")).toBe("SOF");
    expect(field(inquiry, "signed_by")).toBe("Mikkel Boje");
  });

  it("reads the case and document numbers", () => {
    expect(field(inquiry, "case_number")).toBe("2020-0857002");
    expect(field(inquiry, "document_number")).toBe("2020-0857002-5");
    const doc = ofEntity(x, "document")[0];
    expect(field(doc, "case_number")).toBe("2020-0857002");
    expect(field(doc, "dated")).toBe("2020-11-20");
  });

  it("lists the two quoted questions", () => {
    const questions = field<string[]>(inquiry, "questions");
    expect(questions).toHaveLength(2);
    expect(questions[0]).toMatch(/^Hvilke konkrete ligestillingsindsatser foretager forvaltningen\?/);
    expect(questions[1]).toMatch(/^Der ønskes et overslag over, hvor mange midler \(kroner og årsværk\)/);
    expect(field(inquiry, "question_count")).toBe(2);
  });

  it("names the equality grounds of the question", () => {
    const grounds = field<string[]>(inquiry, "equality_grounds");
    for (const g of [
      "gender",
      "race_ethnicity",
      "religion_belief",
      "age",
      "disability",
      "sexual_orientation",
    ]) {
      expect(grounds).toContain(g);
    }
  });
});

describe("002: status report section", () => {
  const { x } = run(readDemo(CORPUS.statusReport));
  it("is a status report about Socialforvaltningen and the grounds it covers", () => {
    expect(x.documentKind).toBe("status_report");
    const section = ofEntity(x, "policy")[0];
    expect(field(section, "kind")).toBe("status_report");
    expect(field(section, "title")).toBe("Socialområdet");
    expect(field(section, "owner_administration")).toBe("SOF");
    expect(field<string[]>(section, "equality_grounds")).toEqual([
      "race_ethnicity",
      "religion_belief",
      "disability",
    ]);
    expect(ofEntity(x, "initiative")).toHaveLength(0);
  });
});

describe("003: hearing response", () => {
  const { x } = run(readDemo(CORPUS.hearing));
  const response = ofEntity(x, "hearing_response")[0];

  it("is a hearing response from Socialudvalget to the mayor", () => {
    expect(x.documentKind).toBe("hearing_response");
    expect(field(response, "from_committee")).toBe("SOU");
    expect(field(response, "addressed_to")).toBe("Anna Mee Allerslev");
    expect(field(response, "signed_by")).toBe("Jesper Christensen");
  });

  it("reads the policy under hearing, the meeting date and the numbers", () => {
    expect(field<string>(response, "policy_title")).toContain("Integrationspolitik 2015-2018");
    expect(field(response, "period_start")).toBe(2015);
    expect(field(response, "period_end")).toBe(2018);
    expect(field(response, "meeting_date")).toBe("2014-12-03");
    expect(field(response, "case_number")).toBe("2014-0222761");
    expect(field(response, "document_number")).toBe("2014-0222761-4");
  });

  it("lists the three goals the committee chose", () => {
    const goals = field<string[]>(response, "goals_chosen");
    expect(goals).toHaveLength(3);
    expect(goals[0]).toMatch(
      /^Borgere med ikke-vestlig baggrund skal mødes med en rehabiliterende tilgang til hjemmehjælp/,
    );
    expect(goals[1]).toBe("Reduktion i antallet af hjemløse københavnere med ikke-vestlig baggrund");
    expect(goals[2]).toMatch(
      /^Reduktion i andelen af unge københavnere med ikke-vestlig baggrund, som sigtes for alvorlig/,
    );
  });
});

describe("every candidate", () => {
  for (const name of Object.values(CORPUS)) {
    it(`has evidence that quotes the normalized text (${name})`, () => {
      const { norm, x } = run(readDemo(name));
      for (const c of x.candidates) {
        expect(c.confidence).toBeGreaterThan(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
        for (const e of c.evidence) expect(norm.text.slice(e.start, e.end)).toBe(e.quote);
        if (c.parentKey)
          expect(
            x.candidates.some((p) => p.key === c.parentKey),
            c.key,
          ).toBe(true);
      }
      expect(new Set(x.candidates.map((c) => c.key)).size).toBe(x.candidates.length);
    });
  }
});
