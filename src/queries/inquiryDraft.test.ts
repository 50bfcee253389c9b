import { describe, expect, it } from "vitest";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../test/factories.ts";
import { budgetLines } from "../db/schema.ts";
import { inquiryAnswerText } from "../reports/inquiryAnswerText.ts";
import { draftInquiryAnswer } from "./inquiryDraft.ts";

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
});
