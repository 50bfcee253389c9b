import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { InquiryDraft } from "../queries/inquiries/draft.ts";
import { inquiryLetterDocx, inquiryLetterFilename } from "./inquiryLetterDocx.ts";
import { inquiryLetter } from "./inquiryLetterModel.ts";

const draft: Omit<InquiryDraft, "scope"> = {
  initiativeCount: 2,
  withoutBudget: 1,
  policies: [{ id: "p", title: "LGBTI+-politik", periodStart: 2019, periodEnd: 2023 }],
  administrations: [
    {
      code: "SOF",
      name: "Socialforvaltningen",
      withoutBudget: 1,
      totalsByYear: [{ year: 2020, amountDkk: 650_000, fte: 1.25 }],
      initiatives: [
        {
          id: "a",
          title: "Seksualvejledere på handicapområdet",
          policyTitle: "LGBTI+-politik",
          fundingStatus: "within_frame",
          equalityGrounds: ["sexual_orientation"],
          budget: [{ year: 2020, amountDkk: 650_000, fte: 1.25 }],
        },
        {
          id: "b",
          title: "Studietur om kønsidentitet",
          policyTitle: "LGBTI+-politik",
          fundingStatus: "unknown",
          equalityGrounds: ["gender_identity"],
          budget: [],
        },
      ],
    },
  ],
};

const input = {
  organisation: "Københavns Kommune",
  askedBy: "Badar Shah",
  askedOn: "2020-11-11",
  answeredOn: "2020-11-20",
  today: "2026-11-23",
  caseNumber: "2020-0857002",
  documentNumber: "2020-0857002-5",
  questions: ["Hvilke konkrete ligestillingsindsatser foretager forvaltningen?"],
  answer: "Socialforvaltningen arbejder bredt med ligestilling.\nSe tabellen.",
  signedBy: "Mikkel Boje",
  signerTitle: "Socialdirektør",
  administration: "Socialforvaltningen",
  draft,
};
const letter = () => inquiryLetter(input);

describe("the inquiry answer as a Word letter", () => {
  it("carries the addressee, date, case and document numbers, questions, answer, totals and signatory", async () => {
    const bytes = await inquiryLetterDocx(letter());
    const files = unzipSync(bytes);
    const xml = strFromU8(files["word/document.xml"]!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
    for (const expected of [
      "Til Badar Shah",
      "20. november 2020",
      "Sagsnummer 2020-0857002",
      "Dokumentnummer 2020-0857002-5",
      "Tak for din henvendelse af d. 11. november 2020",
      "1. Hvilke konkrete ligestillingsindsatser foretager forvaltningen?",
      "Socialforvaltningen arbejder bredt med ligestilling.",
      "Socialforvaltningen (SOF)",
      "I alt 2020",
      "650.000 kr.",
      "1,25 årsværk",
      "Ingen registreret økonomi",
      "1 af 2 initiativer har ingen registreret økonomi.",
      "Kilder: LGBTI+-politik (2019–2023).",
      "Mikkel Boje",
    ])
      expect(text).toContain(expected);
    expect(inquiryLetterFilename(letter())).toBe("svar-2020-0857002-5.docx");
  });

  it("is a letter without a figures section when no draft was made", async () => {
    const l = inquiryLetter({ ...input, draft: null });
    expect(l.tables).toEqual([]);
    const xml = strFromU8(unzipSync(await inquiryLetterDocx(l))["word/document.xml"]!);
    expect(xml).not.toContain("Registrerede initiativer og økonomi");
  });

  it("signs with signatory, position, sending administration and case number, and writes no 0 for what is not registered", async () => {
    const withoutFte = {
      ...draft,
      administrations: [
        { ...draft.administrations[0]!, totalsByYear: [{ year: 2020, amountDkk: 650_000, fte: null }] },
      ],
      leftOut: [
        {
          policyTitle: "Gammel handleplan",
          periodStart: 2011,
          periodEnd: 2014,
          reason: "outside_years" as const,
          count: 3,
        },
      ],
    };
    const xml = strFromU8(
      unzipSync(await inquiryLetterDocx(inquiryLetter({ ...input, draft: withoutFte })))[
        "word/document.xml"
      ]!,
    );
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
    expect(text).toContain(
      "Venlig hilsen||Mikkel Boje|Socialdirektør|Socialforvaltningen|Københavns Kommune|Sagsnr. 2020-0857002",
    );
    expect(text).not.toContain("0 årsværk");
    expect(text).toContain("ikke registreret");
    expect(text).toContain(
      "3 initiativer under Gammel handleplan (2011–2014): politikkens periode ligger uden for de spurgte år.",
    );
  });
});
