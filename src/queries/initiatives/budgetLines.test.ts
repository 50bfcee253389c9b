import { describe, expect, it } from "vitest";
import {
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  withoutReferenceChecks,
} from "../../../test/factories.ts";
import { budgetLines } from "../../db/schema.ts";
import { draftInquiryAnswer } from "../inquiries/draft.ts";
import { budgetLinesOf, budgetLinesOfMany } from "./budgetLines.ts";

/**
 * Two organisations in one database; the other one has a line that names our initiative
 * (refused by the schema, so written with its reference checks off).
 */
async function twoOrganisations() {
  const org = await buildOrganisation();
  const elsewhere = await buildOrganisation(org.db);
  const policy = await buildPolicy(org, { periodStart: 2024, periodEnd: 2026 });
  const initiative = await buildInitiative(org, policy.id, { equalityGrounds: ["age"] });
  const [y2025, whole] = await org.db
    .insert(budgetLines)
    .values([
      {
        organisationId: org.organisationId,
        initiativeId: initiative.id,
        year: 2025,
        amountDkk: 100_000,
        fte: 1,
      },
      { organisationId: org.organisationId, initiativeId: initiative.id, year: null, amountDkk: 50_000 },
    ])
    .returning();
  const [foreign] = await withoutReferenceChecks(org.db, (db) =>
    db
      .insert(budgetLines)
      .values({
        organisationId: elsewhere.organisationId,
        initiativeId: initiative.id,
        year: 2025,
        amountDkk: 7_000_000,
        fte: 9,
      })
      .returning(),
  );
  return { org, elsewhere, initiative, ids: { y2025: y2025!.id, whole: whole!.id, foreign: foreign!.id } };
}

describe("budget lines of initiatives", () => {
  it("lists the whole period's lines first, then by year; for many initiatives only the years asked for", async () => {
    const { org, initiative, ids } = await twoOrganisations();
    expect((await budgetLinesOf(org.ctx(), initiative.id)).map((l) => l.id)).toEqual([ids.whole, ids.y2025]);
    expect((await budgetLinesOfMany(org.ctx(), [initiative.id])).map((l) => l.id)).toEqual([
      ids.whole,
      ids.y2025,
    ]);
    const in2025 = await budgetLinesOfMany(org.ctx(), [initiative.id], { years: [2025] });
    expect(in2025.map((l) => l.id)).toEqual([ids.y2025]);
    expect(await budgetLinesOfMany(org.ctx(), [initiative.id], { years: [2024] })).toEqual([]);
  });

  it("orders lines of the same year and label by what they say (the larger amount first), not by their ids", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const initiative = await buildInitiative(org, policy.id);
    // The smaller amount gets the lower id and is written first: neither the ids nor the
    // table's own order puts the larger amount first.
    const [low, high, twin] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()].sort();
    const line = {
      organisationId: org.organisationId,
      initiativeId: initiative.id,
      year: 2025,
      label: "Løn",
    };
    await org.db.insert(budgetLines).values({ ...line, id: low!, amountDkk: 1 });
    await org.db.insert(budgetLines).values({ ...line, id: twin!, amountDkk: 1 });
    await org.db.insert(budgetLines).values({ ...line, id: high!, amountDkk: 2 });
    for (let read = 0; read < 3; read++) {
      // Two lines that say the same are parted by id, read after read.
      expect((await budgetLinesOf(org.ctx(), initiative.id)).map((l) => l.id)).toEqual([high, low, twin]);
      expect((await budgetLinesOfMany(org.ctx(), [initiative.id])).map((l) => l.id)).toEqual([
        high,
        low,
        twin,
      ]);
    }
  });

  it("never reads another organisation's rows, not even rows that name this organisation's initiative", async () => {
    const { org, elsewhere, initiative, ids } = await twoOrganisations();
    const own = [
      ...(await budgetLinesOf(org.ctx(), initiative.id)),
      ...(await budgetLinesOfMany(org.ctx(), [initiative.id])),
      ...(await budgetLinesOfMany(org.ctx(), [initiative.id], { years: [2025] })),
    ];
    expect(own.map((l) => l.id)).not.toContain(ids.foreign);
    const theirs = await budgetLinesOfMany(elsewhere.ctx(), [initiative.id]);
    expect(theirs.map((l) => l.id)).toEqual([ids.foreign]); // only its own row, never ours
    expect(await budgetLinesOf(elsewhere.ctx(), initiative.id)).toHaveLength(1);
  });

  it("keeps another organisation's rows out of an inquiry's answer draft", async () => {
    const { org } = await twoOrganisations();
    const draft = await draftInquiryAnswer(org.ctx(), { equalityGrounds: ["age"], years: [2025] });
    const totals = draft.administrations.flatMap((a) => a.totalsByYear);
    expect(totals.filter((t) => t.year === 2025)).toEqual([{ year: 2025, amountDkk: 100_000, fte: 1 }]);
  });
});
