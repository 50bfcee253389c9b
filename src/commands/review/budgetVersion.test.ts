// A new version of an action plan that changes one budget amount: the one line
// gets the new amount, every row keeps its id, what did not change is not
// touched (no new version, no audit event) and the new document is the source.
import { and, eq, gt, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { buildOrganisation, type TestOrganisation } from "../../../test/factories.ts";
import { actionPlan, FIRST_AMOUNTS } from "../../../test/fixtures/review/actionPlan.ts";
import { auditEvents, budgetLines, documents, initiatives, policies, provenance } from "../../db/schema.ts";
import { candidateReviewer } from "../candidateReviewer.ts";
import { documentImporter } from "../documentImporter.ts";

async function importAndAccept(org: TestOrganisation, text: string, filename: string) {
  const summary = await documentImporter(org.ctx(), { bytes: Buffer.from(text), filename });
  const review = await candidateReviewer(org.ctx(), { action: "accept", documentId: summary.documentId });
  expect(review.skipped).toEqual([]);
  return summary.documentId;
}

const registry = async (org: TestOrganisation) => {
  const mine = org.organisationId;
  return {
    policies: await org.db.select().from(policies).where(eq(policies.organisationId, mine)),
    initiatives: await org.db
      .select()
      .from(initiatives)
      .where(eq(initiatives.organisationId, mine))
      .orderBy(initiatives.title),
    lines: await org.db
      .select()
      .from(budgetLines)
      .where(eq(budgetLines.organisationId, mine))
      .orderBy(budgetLines.label, budgetLines.year),
  };
};

it("a new version that changes one budget amount updates that line alone, keeping every id", async () => {
  const org = await buildOrganisation();
  const firstDoc = await importAndAccept(org, actionPlan(), "handleplan.md");
  const before = await registry(org);
  expect(before.policies).toHaveLength(1);
  expect(before.initiatives).toHaveLength(2);
  expect(before.lines.map((l) => [l.label, l.year, l.amountDkk])).toEqual([
    ["Læsemakkere i fritidsklubber", 2027, 200_000],
    ["Læsemakkere i fritidsklubber", 2028, 250_000],
    ["Tilgængelige idrætshaller", 2027, 900_000],
    ["Tilgængelige idrætshaller", 2028, 600_000],
  ]);
  const cutoff = new Date().toISOString();

  // The halls' 2028 amount goes from 600 to 750 (1.000 kr.); the totals follow, nothing else changes.
  const secondDoc = await importAndAccept(
    org,
    actionPlan({ ...FIRST_AMOUNTS, halls: [900, 750] }),
    "handleplan-revideret.md",
  );
  const after = await registry(org);

  // One of everything, by id.
  expect(after.policies.map((p) => p.id)).toEqual(before.policies.map((p) => p.id));
  expect(after.initiatives.map((i) => i.id)).toEqual(before.initiatives.map((i) => i.id));
  expect(after.lines.map((l) => l.id)).toEqual(before.lines.map((l) => l.id));
  // One line per year and label, the changed one with the new amount.
  expect(after.lines.map((l) => [l.label, l.year, l.amountDkk])).toEqual([
    ["Læsemakkere i fritidsklubber", 2027, 200_000],
    ["Læsemakkere i fritidsklubber", 2028, 250_000],
    ["Tilgængelige idrætshaller", 2027, 900_000],
    ["Tilgængelige idrætshaller", 2028, 750_000],
  ]);

  // The changed line has a new version and one update in its history; the rest are untouched.
  const changed = after.lines[3]!;
  expect(changed.version).toBe(before.lines[3]!.version + 1);
  const unchanged = [...after.lines.slice(0, 3), ...after.initiatives];
  const earlier = new Map([...before.lines, ...before.initiatives].map((r) => [r.id, r]));
  for (const row of unchanged) {
    expect(row.version).toBe(earlier.get(row.id)!.version);
    expect(row.updatedAt).toBe(earlier.get(row.id)!.updatedAt);
  }
  const updates = await org.db
    .select({ entityId: auditEvents.entityId, action: auditEvents.action })
    .from(auditEvents)
    .where(
      and(
        gt(auditEvents.at, cutoff),
        inArray(
          auditEvents.entityId,
          [...after.lines, ...after.initiatives].map((r) => r.id),
        ),
      ),
    );
  expect(updates.filter((u) => u.action !== "candidate.accept")).toEqual([
    { entityId: changed.id, action: "budget_line.update" },
  ]);

  // The new document is the source: of the policy, of the changed line's amount, and it names its predecessor.
  expect(after.policies[0]!.documentId).toBe(secondDoc);
  const sources = await org.db.select().from(provenance).where(eq(provenance.entityId, changed.id));
  expect(sources.length).toBeGreaterThan(0);
  expect(new Set(sources.map((s) => s.documentId))).toEqual(new Set([secondDoc]));
  expect(sources.some((s) => s.field === "amount_dkk" && s.quote.includes("750"))).toBe(true);
  const [doc] = await org.db.select().from(documents).where(eq(documents.id, secondDoc));
  expect(doc!.previousVersionId).toBe(firstDoc);
}, 120_000);
