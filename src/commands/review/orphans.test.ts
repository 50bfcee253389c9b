// Budget lines whose initiative was rejected: the queue says they need a place,
// the reviewer attaches one to another initiative and makes the other its own
// initiative of the plan, and the plan's lines still add up to its "I alt".
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildOrganisation } from "../../../test/factories.ts";
import { budgetLines, candidates, initiatives, policies } from "../../db/schema.ts";
import { placementOptions } from "../../queries/candidatePlacements.ts";
import { reviewQueuePage } from "../../queries/candidates.ts";
import { candidateReviewer } from "../candidateReviewer.ts";
import { documentImporter } from "../documentImporter.ts";

const PLANS = fs.readFileSync(new URL("../../../data/demo/001_ee4dbdb44e1a7a93.txt", import.meta.url));

describe("orphan budget lines", () => {
  it("need a place after their initiative is rejected; attached by the reviewer, the plan adds up", async () => {
    const org = await buildOrganisation();
    const ctx = org.ctx();
    const { documentId } = await documentImporter(ctx, { bytes: PLANS, filename: "planer.txt" });
    const queue = await org.db.select().from(candidates).where(eq(candidates.documentId, documentId));
    // An initiative with budget lines in two years; what else is under it (its annual targets) is rejected too.
    const linesOf = (key: string) => queue.filter((c) => c.parentKey === key && c.entity === "budget_line");
    const parent = queue.find((c) => c.entity === "initiative" && linesOf(c.key).length === 2)!;
    expect(parent).toBeDefined();
    const orphans = linesOf(parent.key);
    const others = queue.filter((c) => c.parentKey === parent.key && c.entity !== "budget_line");

    await candidateReviewer(ctx, { action: "reject", ids: [parent.id, ...others.map((c) => c.id)] });
    const bulk = await candidateReviewer(ctx, { action: "accept", documentId });
    expect(bulk.skipped.map((s) => s.id).sort()).toEqual(orphans.map((o) => o.id).sort());
    expect(bulk.skipped[0]!.danish).toContain("Vælg, hvor forslaget skal placeres");

    const waiting = await reviewQueuePage(ctx, { documentId }, { number: 1, size: 50 });
    expect(waiting.total).toBe(2);
    expect(waiting.rows.every((r) => r.needsPlace)).toBe(true);

    const options = await placementOptions(ctx, "budget_line");
    const [plan] = await org.db
      .select()
      .from(policies)
      .where(and(eq(policies.organisationId, org.organisationId), eq(policies.kind, "action_plan")));
    const another = options.find((o) => o.text.startsWith("Initiativ:") && o.policy === plan!.title)!;
    expect(options.some((o) => o.id === plan!.id && o.text === "Som eget initiativ under politikken")).toBe(
      true,
    );

    // A place that is no initiative or policy is refused, with the field named.
    await expect(
      candidateReviewer(ctx, { action: "accept", ids: [orphans[0]!.id], parentId: orgUnrelatedId() }),
    ).rejects.toMatchObject({ id: "validation_failed" });
    await candidateReviewer(ctx, { action: "accept", ids: [orphans[0]!.id], parentId: another.id });
    await candidateReviewer(ctx, { action: "accept", ids: [orphans[1]!.id], parentId: plan!.id });

    const [first] = await org.db
      .select()
      .from(budgetLines)
      .where(eq(budgetLines.id, (await acceptedEntity(orphans[0]!.id))!));
    expect(first!.initiativeId).toBe(another.id);
    const [second] = await org.db
      .select({ title: initiatives.title, policyId: initiatives.policyId })
      .from(budgetLines)
      .innerJoin(initiatives, eq(initiatives.id, budgetLines.initiativeId))
      .where(eq(budgetLines.id, (await acceptedEntity(orphans[1]!.id))!));
    expect(second).toEqual({ title: orphans[1]!.fields.label, policyId: plan!.id });

    // The plan states 11.0 mio. kr. "I alt" for each of its years; its lines in the registry say the same.
    const rows = await org.db
      .select({ year: budgetLines.year, amount: budgetLines.amountDkk })
      .from(budgetLines)
      .innerJoin(initiatives, eq(initiatives.id, budgetLines.initiativeId))
      .where(eq(initiatives.policyId, plan!.id));
    const perYear: Record<string, number> = {};
    for (const r of rows) perYear[String(r.year)] = (perYear[String(r.year)] ?? 0) + Number(r.amount);
    expect(perYear).toEqual({ 2019: 11_000_000, 2020: 11_000_000, 2021: 11_000_000, 2022: 11_000_000 });

    async function acceptedEntity(id: string) {
      const [row] = await org.db
        .select({ entityId: candidates.acceptedEntityId })
        .from(candidates)
        .where(eq(candidates.id, id));
      return row?.entityId;
    }
  }, 120_000);
});

/** An id no row of the organisation has. */
const orgUnrelatedId = () => "00000000-0000-4000-8000-000000000001";
