import { describe, expect, it } from "vitest";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../../test/factories.ts";
import { budgetLines } from "../../db/schema.ts";
import { inquiryAnswerText } from "../../reports/inquiryAnswerText.ts";
import { draftInquiryAnswer } from "./draft.ts";

describe("inquiry answer draft", () => {
  it("sums DKK and FTE per year per administration for the named grounds and says what has no budget", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "LGBTI+-politik", periodStart: 2019, periodEnd: 2023 });
    const a = await buildInitiative(org, policy.id, {
      title: "Rådgivning",
      equalityGrounds: ["sexual_orientation"],
    });
    const b = await buildInitiative(org, policy.id, {
      title: "Kursus",
      equalityGrounds: ["gender_identity", "sexual_orientation"],
    });
    await buildInitiative(org, policy.id, { title: "Uden økonomi", equalityGrounds: ["sexual_orientation"] });
    await buildInitiative(org, policy.id, { title: "Andet emne", equalityGrounds: ["age"] });
    await buildInitiative(org, policy.id, {
      title: "Anden forvaltning",
      equalityGrounds: ["sexual_orientation"],
      administrationId: org.administrationIds.BIF,
    });
    await org.db.insert(budgetLines).values([
      { organisationId: org.organisationId, initiativeId: a.id, year: 2020, amountDkk: 400_000, fte: 0.5 },
      { organisationId: org.organisationId, initiativeId: a.id, year: 2021, amountDkk: 450_000, fte: 0.5 },
      { organisationId: org.organisationId, initiativeId: b.id, year: 2020, amountDkk: 100_000, fte: 0.25 },
    ]);
    const draft = await draftInquiryAnswer(org.ctx(), {
      equalityGrounds: ["sexual_orientation"],
      administrations: ["SOF"],
      years: [2020, 2021],
    });
    expect(draft.initiativeCount).toBe(3);
    expect(draft.administrations).toHaveLength(1);
    const sof = draft.administrations[0]!;
    expect(sof.totalsByYear).toEqual([
      { year: 2020, amountDkk: 500_000, fte: 0.75 },
      { year: 2021, amountDkk: 450_000, fte: 0.5 },
    ]);
    expect(sof.withoutBudget).toBe(1);
    const text = inquiryAnswerText(draft);
    expect(text).toContain("1 af 3 initiativer har ingen registreret økonomi");
    expect(text).toContain("LGBTI+-politik (2019–2023)");
    const only2021 = await draftInquiryAnswer(org.ctx(), {
      equalityGrounds: ["sexual_orientation"],
      administrations: ["SOF"],
      years: [2021],
    });
    expect(only2021.administrations[0]!.totalsByYear).toEqual([{ year: 2021, amountDkk: 450_000, fte: 0.5 }]);
    expect(only2021.withoutBudget).toBe(2);
  });

  it("says plainly when nothing is registered", async () => {
    const org = await buildOrganisation();
    const draft = await draftInquiryAnswer(org.ctx(), { equalityGrounds: ["religion_belief"] });
    expect(draft.initiativeCount).toBe(0);
    expect(inquiryAnswerText(draft)).toContain(
      "Der er ikke registreret konkrete initiativer om religion og tro",
    );
  });

  it("takes this year when the question names none, says what it left out and why, and never writes 0 for unregistered", async () => {
    const org = await buildOrganisation();
    const current = await buildPolicy(org, { title: "Ny handleplan", periodStart: 2019, periodEnd: 2022 });
    const old = await buildPolicy(org, { title: "Gammel handleplan", periodStart: 2011, periodEnd: 2014 });
    const undated = await buildPolicy(org, { title: "Statusnotat", periodStart: null, periodEnd: null });
    const a = await buildInitiative(org, current.id, { title: "Mentorer" });
    const b = await buildInitiative(org, current.id, { title: "Kampagne" });
    const c = await buildInitiative(org, old.id, { title: "Gammel indsats" });
    await buildInitiative(org, undated.id, { title: "Omtalt indsats" });
    await org.db.insert(budgetLines).values([
      { organisationId: org.organisationId, initiativeId: a.id, year: 2021, amountDkk: 300_000 },
      { organisationId: org.organisationId, initiativeId: a.id, year: 2020, amountDkk: 900_000 },
      { organisationId: org.organisationId, initiativeId: b.id, year: null, amountDkk: 1_200_000, fte: 2 },
      { organisationId: org.organisationId, initiativeId: c.id, year: 2012, amountDkk: 50_000_000 },
    ]);
    const draft = await draftInquiryAnswer(org.ctx(), { administrations: ["SOF"] }, { thisYear: 2021 });
    expect(draft.scope.years).toEqual([2021]);
    expect(draft.initiativeCount).toBe(2);
    expect(draft.leftOut).toEqual([
      { policyTitle: "Statusnotat", periodStart: null, periodEnd: null, reason: "no_period", count: 1 },
      {
        policyTitle: "Gammel handleplan",
        periodStart: 2011,
        periodEnd: 2014,
        reason: "outside_years",
        count: 1,
      },
    ]);
    const text = inquiryAnswerText(draft);
    expect(text).toContain("Forvaltningerne har registreret 2 konkrete initiativer i 2021.");
    expect(text).toContain("- 2021: 300.000 kr. (årsværk ikke registreret)");
    expect(text).toContain("- hele perioden 2019–2022: 1.200.000 kr. og 2 årsværk");
    expect(text).toContain("Ikke medtaget:");
    expect(text).toContain(
      "- 1 initiativ under Gammel handleplan (2011–2014): politikkens periode ligger uden for de spurgte år.",
    );
    expect(text).toContain("- 1 initiativ under Statusnotat: der er ikke registreret nogen periode.");
    expect(text).not.toMatch(/(?<![\d.,])0 (?:kr\.|årsværk)/);
    expect(text).not.toContain("900.000");
    expect(text).not.toContain("50.000.000");
  });
});
