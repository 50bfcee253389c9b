// A new version of a document brings the registry rows it produced up to date:
// same ids, history and round answers, its document as their source, and never
// a second policy, goal, line or hearing response for the same thing.
import fs from "node:fs";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildOrganisation, type TestOrganisation } from "../../../test/factories.ts";
import {
  annualTargets,
  auditEvents,
  budgetLines,
  documents,
  goals,
  hearingResponses,
  indicators,
  initiatives,
  policies,
  provenance,
  statusReports,
  themes,
} from "../../db/schema.ts";
import { candidateReviewer } from "../candidateReviewer.ts";
import { documentImporter } from "../documentImporter.ts";
import { roundOpener } from "../rounds/roundOpener.ts";

const corpus = (name: string) =>
  fs.readFileSync(new URL(`../../../data/demo/${name}`, import.meta.url), "utf8");

/** Imports a text and accepts everything in it through the review (not `--accept-all`, which holds new versions). */
async function importAndAccept(org: TestOrganisation, text: string, filename: string) {
  const summary = await documentImporter(org.ctx(), { bytes: Buffer.from(text), filename });
  const review = await candidateReviewer(org.ctx(), { action: "accept", documentId: summary.documentId });
  return { documentId: summary.documentId, review };
}

/** The ids of every registry row of the organisation, per table. */
async function registryIds(org: TestOrganisation) {
  const of = async (table: typeof policies | typeof themes | typeof goals) =>
    (await org.db.select({ id: table.id }).from(table).where(eq(table.organisationId, org.organisationId)))
      .map((r) => r.id)
      .sort();
  return {
    policies: await of(policies),
    themes: await of(themes),
    goals: await of(goals),
    indicators: await of(indicators as never),
    initiatives: await of(initiatives as never),
    budgetLines: await of(budgetLines as never),
    annualTargets: await of(annualTargets as never),
    hearingResponses: await of(hearingResponses as never),
  };
}

describe("a new version of a document", () => {
  it("updates the rows the first version made, keeping their ids and round answers: one of everything", async () => {
    const org = await buildOrganisation();
    const original = corpus("001_ee4dbdb44e1a7a93.txt");
    const first = await importAndAccept(org, original, "politikker.txt");
    expect(first.review.skipped).toEqual([]);
    const before = await registryIds(org);
    expect(before.policies.length).toBe(4);

    // A round on the action plan, with one answer saved, before the new version comes.
    const [plan] = await org.db
      .select()
      .from(policies)
      .where(and(eq(policies.organisationId, org.organisationId), eq(policies.kind, "action_plan")));
    const round = await roundOpener(org.ctx(), {
      policyId: plan!.id,
      kind: "annual",
      period: "2020",
      deadline: "2030-01-31",
      administrations: ["BIF"],
    });
    const answers = await org.db.select().from(statusReports).where(eq(statusReports.roundId, round.id));
    expect(answers.length).toBeGreaterThan(0);

    // The new version: one goal reworded, one budget amount changed, a closing note added.
    // (a goal printed on one line, so its text is found as it was read)
    const goal = (
      await org.db
        .select()
        .from(goals)
        .where(eq(goals.organisationId, org.organisationId))
        .orderBy(goals.text)
    ).find((g) => g.text.length > 30 && original.split(g.text).length === 2);
    expect(goal).toBeDefined();
    const goalText = goal!.text;
    const edited = `${original.replace(goalText, `${goalText.replace(/\.$/, "")} i hele kommunen.`)}\n\nRevideret udgave.\n`;
    const second = await importAndAccept(org, edited, "politikker-revideret.txt");
    expect(second.review.skipped).toEqual([]);
    expect(second.review.updated).toBeGreaterThan(100);

    // One of everything: the same rows, by id.
    expect(await registryIds(org)).toEqual(before);
    const [reworded] = await org.db.select().from(goals).where(eq(goals.id, goal!.id));
    expect(reworded!.text).toContain("i hele kommunen");
    // Its source is the new document; the policies point at it and it names its predecessor.
    const marks = await org.db.select().from(provenance).where(eq(provenance.entityId, goal!.id));
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks.map((m) => m.documentId))).toEqual(new Set([second.documentId]));
    const policyRows = await org.db.select().from(policies).where(inArray(policies.id, before.policies));
    expect(new Set(policyRows.map((p) => p.documentId))).toEqual(new Set([second.documentId]));
    const [doc] = await org.db.select().from(documents).where(eq(documents.id, second.documentId));
    expect(doc!.previousVersionId).toBe(first.documentId);
    // The round's answers are still there, on the same subjects.
    const after = await org.db.select().from(statusReports).where(eq(statusReports.roundId, round.id));
    expect(after.map((a) => a.id).sort()).toEqual(answers.map((a) => a.id).sort());
    // The goal's history tells what changed.
    const history = await org.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, goal!.id), eq(auditEvents.action, "goal.update")));
    expect(history.length).toBe(1);
  }, 120_000);

  it("of a hearing response updates the one response rather than adding a copy", async () => {
    const org = await buildOrganisation();
    const original = corpus("003_139553ee05667919.txt");
    await importAndAccept(org, original, "svar.txt");
    const [response] = await org.db
      .select()
      .from(hearingResponses)
      .where(eq(hearingResponses.organisationId, org.organisationId));
    expect(response).toBeDefined();
    const second = await importAndAccept(org, `${original}\n\nRettet udgave.\n`, "svar-rettet.txt");
    expect(second.review.updated).toBeGreaterThan(0);
    const rows = await org.db
      .select()
      .from(hearingResponses)
      .where(eq(hearingResponses.organisationId, org.organisationId));
    expect(rows.map((r) => r.id)).toEqual([response!.id]);
    expect(rows[0]!.documentId).toBe(second.documentId);
  }, 60_000);
});
