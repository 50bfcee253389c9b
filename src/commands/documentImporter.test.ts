import fs from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildOrganisation, type TestOrganisation } from "../../test/factories.ts";
import { budgetLines, candidates, documents, initiatives, policies, provenance } from "../db/schema.ts";
import { candidateReviewer } from "./candidateReviewer.ts";
import { documentImporter } from "./documentImporter.ts";

const corpus = (name: string) => fs.readFileSync(`data/demo/${name}`);
const hearingLetter = () => corpus("003_139553ee05667919.txt");

async function tableCounts(org: TestOrganisation) {
  const of = async (table: typeof documents | typeof candidates | typeof policies | typeof initiatives) =>
    (await org.db.select({ n: count() }).from(table).where(eq(table.organisationId, org.organisationId)))[0]!
      .n;
  return {
    documents: await of(documents),
    candidates: await of(candidates),
    policies: await of(policies),
    initiatives: await of(initiatives),
  };
}

describe("documentImporter", () => {
  it("stores candidates for review, not registry rows, unless told to accept", async () => {
    const org = await buildOrganisation();
    const summary = await documentImporter(org.ctx(), { bytes: hearingLetter(), filename: "letter.txt" });
    expect(summary.status).toBe("imported");
    expect(summary.kind).toBe("hearing_response");
    expect(summary.accepted).toBe(0);
    expect(summary.pending).toBeGreaterThan(0);
    const counts = await tableCounts(org);
    expect(counts.documents).toBe(1);
    expect(counts.candidates).toBe(summary.pending);
  });

  it("changes nothing when the same bytes come again, and says so", async () => {
    const org = await buildOrganisation();
    await documentImporter(org.ctx(), { bytes: hearingLetter(), filename: "a.txt", acceptAll: true });
    const before = await tableCounts(org);
    const again = await documentImporter(org.ctx(), {
      bytes: hearingLetter(),
      filename: "renamed.txt",
      acceptAll: true,
    });
    expect(again.status).toBe("unchanged");
    expect(await tableCounts(org)).toEqual(before);
  });

  it("refuses a document in which nothing is recognized and leaves the database as it was", async () => {
    const org = await buildOrganisation();
    const before = await tableCounts(org);
    const bytes = Buffer.from("Indkøbsliste\n\nMælk, brød og ost.\n");
    await expect(documentImporter(org.ctx(), { bytes, filename: "liste.txt" })).rejects.toMatchObject({
      id: "bad_document",
      message: expect.stringContaining("nothing was recognized"),
    });
    await expect(
      documentImporter(org.ctx(), { bytes: new Uint8Array(), filename: "tom.pdf" }),
    ).rejects.toMatchObject({
      id: "bad_document",
    });
    expect(await tableCounts(org)).toEqual(before);
  });

  it("refuses a file over the size limit with the sizes named", async () => {
    const org = await buildOrganisation();
    const bytes = Buffer.alloc(2 * 1024 * 1024, 0x41);
    await expect(
      documentImporter(org.ctx(), { bytes, filename: "big.txt", limits: { maxBytes: 1024 * 1024 } }),
    ).rejects.toMatchObject({ id: "too_large" });
    expect((await tableCounts(org)).documents).toBe(0);
  });

  it("accepts the whole combined policy file with provenance that quotes the document text", async () => {
    const org = await buildOrganisation();
    const summary = await documentImporter(org.ctx(), {
      bytes: corpus("001_ee4dbdb44e1a7a93.txt"),
      filename: "politikker.txt",
      acceptAll: true,
    });
    expect(summary.accepted).toBeGreaterThan(50);
    const rows = await org.db.select().from(policies).where(eq(policies.organisationId, org.organisationId));
    // The file holds the LGBTI+ policy, the disability policy, the integration policy and its action plan.
    expect(rows).toHaveLength(4);
    const actionPlan = rows.find((p) => p.kind === "action_plan");
    const integration = rows.find((p) => p.kind === "policy" && /integration/i.test(p.title));
    expect(actionPlan?.parentPolicyId).toBe(integration?.id);
    const [doc] = await org.db
      .select()
      .from(documents)
      .where(eq(documents.organisationId, org.organisationId));
    const marks = await org.db.select().from(provenance).where(eq(provenance.documentId, doc!.id));
    expect(marks.length).toBeGreaterThan(summary.accepted / 2);
    for (const mark of marks.slice(0, 200)) expect(doc!.text.slice(mark.start, mark.end)).toBe(mark.quote);
  });

  it("reports a new version of a policy as a diff and holds it for review; --replace archives the old one", async () => {
    const org = await buildOrganisation();
    const v1 = Buffer.from(
      "Ligestillingspolitik 2024–2027\n\nMålsætninger\n\n- Flere kvinder i ledelse\n- Lige løn for lige arbejde\n",
    );
    const v2 = Buffer.from(
      "Ligestillingspolitik 2024–2027\n\nMålsætninger\n\n- Flere kvinder i ledelse\n- Et rummeligt arbejdsmiljø for alle\n",
    );
    const first = await documentImporter(org.ctx(), { bytes: v1, filename: "v1.txt", acceptAll: true });
    expect(first.accepted).toBeGreaterThan(0);
    const second = await documentImporter(org.ctx(), { bytes: v2, filename: "v2.txt", acceptAll: true });
    expect(second.diffs).toHaveLength(1);
    const diff = second.diffs[0]!;
    expect(diff.added.length + diff.changed.length).toBeGreaterThan(0);
    const active = await org.db
      .select()
      .from(policies)
      .where(and(eq(policies.organisationId, org.organisationId)));
    expect(active).toHaveLength(1);
    const third = Buffer.concat([v2, Buffer.from("\n")]);
    await documentImporter(org.ctx(), { bytes: third, filename: "v2b.txt", acceptAll: true, replace: true });
    const all = await org.db.select().from(policies).where(eq(policies.organisationId, org.organisationId));
    expect(all.map((p) => p.status).sort()).toEqual(["adopted", "archived"]);
  });
});

describe("candidateReviewer", () => {
  it("accepts one candidate with edited fields, refuses a child before its parent, and rejects in bulk", async () => {
    const org = await buildOrganisation();
    const { documentId } = await documentImporter(org.ctx(), {
      bytes: corpus("001_ee4dbdb44e1a7a93.txt"),
      filename: "p.txt",
    });
    const queue = await org.db.select().from(candidates).where(eq(candidates.documentId, documentId));
    const line = queue.find((c) => c.entity === "budget_line" && c.parentKey);
    if (line) {
      await expect(candidateReviewer(org.ctx(), { action: "accept", ids: [line.id] })).rejects.toMatchObject({
        id: "invalid_state",
      });
    }
    const policy = queue.find((c) => c.entity === "policy")!;
    await candidateReviewer(org.ctx(), {
      action: "accept",
      ids: [policy.id],
      fields: { title: "Rettet titel" },
    });
    const [row] = await org.db.select().from(policies).where(eq(policies.organisationId, org.organisationId));
    expect(row!.title).toBe("Rettet titel");
    const result = await candidateReviewer(org.ctx(), {
      action: "reject",
      documentId,
      entity: "budget_line",
    });
    expect(result.rejected).toBe(queue.filter((c) => c.entity === "budget_line").length);
    expect(
      await org.db.select().from(budgetLines).where(eq(budgetLines.organisationId, org.organisationId)),
    ).toHaveLength(0);
  });
});
