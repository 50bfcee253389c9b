// The initiative page (/initiativer/:id): every part it shows, in its order, and what the
// public may not see of the status history (answers of rounds not locked, example rounds,
// answers not submitted).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import {
  buildGoal,
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../../../test/factories.ts";
import {
  annualTargets,
  budgetLines,
  documents,
  initiativeGoals,
  provenance,
  statusReports,
  statusRounds,
} from "../../db/schema.ts";

async function page(org: TestOrganisation, path: string) {
  const res = await (await buildTestApp(org)).request(path);
  return { status: res.status, html: await res.text() };
}

/** Fails unless each text occurs in `html`, in this order. */
function expectInOrder(html: string, texts: string[]) {
  const at = texts.map((t) => [t, html.indexOf(t)] as const);
  for (const [t, i] of at) expect(i, t).toBeGreaterThan(-1);
  expect(at.map(([t]) => t)).toEqual([...at].sort((a, b) => a[1] - b[1]).map(([t]) => t));
}

/** A round of the policy, opened (answers can only be written then); `lock` locks it. */
async function round(org: TestOrganisation, policyId: string, period: string, isExample = false) {
  const [row] = await org.db
    .insert(statusRounds)
    .values({
      organisationId: org.organisationId,
      policyId,
      kind: "annual",
      period,
      deadline: `${period}-12-31`,
      state: "open",
      isExample,
    })
    .returning();
  return row!.id;
}

const lock = (org: TestOrganisation, id: string, lockedAt = "2026-02-01T10:00:00Z") =>
  org.db.update(statusRounds).set({ state: "locked", lockedAt }).where(eq(statusRounds.id, id));

describe("initiative page", () => {
  it("shows its goals, money, targets, answers of locked rounds and sources, each in order", async () => {
    const org = await buildOrganisation();
    const organisationId = org.organisationId;
    const policy = await buildPolicy(org, { title: "Politik for lige muligheder" });
    const later = await buildGoal(org, policy.id, {
      number: "2.1",
      text: "Flere i uddannelse",
      sortOrder: 2,
    });
    const first = await buildGoal(org, policy.id, { number: "1.1", text: "Flere i job", sortOrder: 1 });
    await buildGoal(org, policy.id, { number: "3.1", text: "Ikke knyttet mål", sortOrder: 3 });
    const initiative = await buildInitiative(org, policy.id, { title: "Jobmentor" });
    const other = await buildInitiative(org, policy.id, { title: "Et andet initiativ" });
    await org.db.insert(initiativeGoals).values([
      { organisationId, initiativeId: initiative.id, goalId: later.id },
      { organisationId, initiativeId: initiative.id, goalId: first.id },
    ]);
    const [line] = await org.db
      .insert(budgetLines)
      .values([
        { organisationId, initiativeId: initiative.id, year: 2025, amountDkk: 2_000_000, label: "Post 2025" },
        { organisationId, initiativeId: initiative.id, year: 2024, amountDkk: 1_500_000, label: "Post 2024" },
        { organisationId, initiativeId: initiative.id, year: null, amountDkk: 100_000, label: "Post hele" },
        { organisationId, initiativeId: other.id, year: 2024, amountDkk: 777_000, label: "Andens post" },
      ])
      .returning();
    await org.db.insert(annualTargets).values([
      { organisationId, initiativeId: initiative.id, year: 2025, metric: "Antal forløb", targetValue: 40 },
      { organisationId, initiativeId: initiative.id, year: null, metric: "Andel i job", targetValue: 0.25 },
    ]);
    const locked2024 = await round(org, policy.id, "2024");
    const locked2025 = await round(org, policy.id, "2025");
    const returned = await round(org, policy.id, "2022");
    const open = await round(org, policy.id, "2026");
    const example = await round(org, policy.id, "2023", true);
    const answer = (roundId: string, state: string, narrative: string) => ({
      organisationId,
      roundId,
      initiativeId: initiative.id,
      administrationId: org.administrationIds.SOF!,
      state,
      rating: "on_track",
      progressPct: 40,
      narrative,
    });
    await org.db
      .insert(statusReports)
      .values([
        answer(locked2024, "submitted", "Svar for 2024"),
        answer(locked2025, "accepted", "Svar for 2025"),
        answer(returned, "returned", "Et sendt-retur svar"),
        answer(open, "submitted", "Svar i en åben runde"),
        answer(example, "accepted", "Svar i en eksempelrunde"),
      ]);
    for (const id of [locked2024, locked2025, returned, example]) await lock(org, id);
    const [doc] = await org.db
      .insert(documents)
      .values({
        organisationId,
        filename: "handleplan.pdf",
        mediaType: "application/pdf",
        sha256: "0".repeat(64),
        size: 10,
        title: "Handleplan 2024",
        text: "Jobmentor med 2.000.000 kr.",
      })
      .returning();
    const source = (entity: string, entityId: string, field: string, start: number, quote: string) => ({
      organisationId,
      entity,
      entityId,
      field,
      documentId: doc!.id,
      start,
      end: start + quote.length,
      quote,
    });
    await org.db
      .insert(provenance)
      .values([
        source("budget_line", line!.id, "amount_dkk", 14, "2.000.000 kr."),
        source("initiative", initiative.id, "title", 0, "Jobmentor"),
        source("initiative", other.id, "title", 0, "Kilde til et andet initiativ"),
      ]);

    const { status, html } = await page(org, `/initiativer/${initiative.id}`);
    expect(status).toBe(200);
    expectInOrder(html, ["1.1: Flere i job", "2.1: Flere i uddannelse", "Budget pr. år i kroner og årsværk"]);
    // From the budget table on (the chart above it names the years too).
    expectInOrder(html.slice(html.indexOf("Budget pr. år i kroner og årsværk")), [
      "Post hele",
      "Post 2024",
      "Post 2025",
      "Andel i job",
      "Antal forløb",
      "Svar for 2025",
      "Svar for 2024",
      "»Jobmentor«",
      "»2.000.000 kr.«",
    ]);
    expect(html).toContain("Handleplan 2024");
    for (const hidden of [
      "Ikke knyttet mål",
      "Andens post",
      "Svar i en åben runde",
      "Svar i en eksempelrunde",
      "Et sendt-retur svar",
      "Kilde til et andet initiativ",
    ])
      expect(html).not.toContain(hidden);
  });

  it("answers an initiative of another organisation with 404", async () => {
    const org = await buildOrganisation();
    const elsewhere = await buildOrganisation();
    const initiative = await buildInitiative(elsewhere, (await buildPolicy(elsewhere)).id);
    expect((await page(org, `/initiativer/${initiative.id}`)).status).toBe(404);
  });
});
