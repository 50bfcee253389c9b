// "Opdaterer" on the review screen: a candidate of a new version shows the
// registry row it would update beside it, field by field with the changes
// marked; the coordinator may compare another row, pick another row of the
// same kind or "opret som ny", and a target that is no such row is refused in
// Danish with the user's values kept and nothing written.
import { and, eq } from "drizzle-orm";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/app.ts";
import {
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../../../../test/factories.ts";
import { actionPlan, FIRST_AMOUNTS } from "../../../../test/fixtures/review/actionPlan.ts";
import { candidateReviewer } from "../../../commands/candidateReviewer.ts";
import { documentImporter } from "../../../commands/documentImporter.ts";
import { budgetLines, candidates, initiatives, policies } from "../../../db/schema.ts";
import { AdminClient } from "../testkit.ts";

let org: TestOrganisation;
let client: AdminClient;
let secondDoc: string;
let otherPolicyId: string;

const pendingOf = async (entity: string) =>
  org.db
    .select()
    .from(candidates)
    .where(
      and(
        eq(candidates.documentId, secondDoc),
        eq(candidates.entity, entity),
        eq(candidates.state, "pending"),
      ),
    )
    .orderBy(candidates.key);

const rowsOf = {
  policies: () => org.db.select().from(policies).where(eq(policies.organisationId, org.organisationId)),
  initiatives: () =>
    org.db.select().from(initiatives).where(eq(initiatives.organisationId, org.organisationId)),
  budgetLines: () =>
    org.db
      .select()
      .from(budgetLines)
      .where(eq(budgetLines.organisationId, org.organisationId))
      .orderBy(budgetLines.id),
};

/** The comparison table as [field, in the registry, in the candidate, changed] rows. */
function comparison(html: string): string[][] {
  const { document } = parseHTML(html);
  return Array.from(document.querySelectorAll(".target-comparison tbody tr") as ArrayLike<Element>).map(
    (tr) => Array.from(tr.children as ArrayLike<Element>).map((cell) => (cell.textContent ?? "").trim()),
  );
}

const selectedTarget = (html: string) => {
  const { document } = parseHTML(html);
  return document.querySelector("#f-opdaterer option[selected]")?.getAttribute("value") ?? null;
};

/** Posts the candidate's edit form as the browser does: its version, the edit marker and the given fields. */
async function submit(candidate: { id: string; version: number }, fields: Record<string, string>) {
  await client.get(`/admin/forslag/${candidate.id}`);
  return client.post(`/admin/forslag/${candidate.id}`, {
    ret: "1",
    version: String(candidate.version),
    tilbage: "/admin/forslag",
    ...fields,
  });
}

beforeAll(async () => {
  org = await buildOrganisation();
  otherPolicyId = (await buildPolicy(org, { title: "Politik for et godt arbejdsliv 2025–2028" })).id;
  const first = await documentImporter(org.ctx(), { bytes: Buffer.from(actionPlan()), filename: "plan.md" });
  await candidateReviewer(org.ctx(), { action: "accept", documentId: first.documentId });
  // The new version: the reading buddies' 2028 amount goes from 250 to 300 (1.000 kr.).
  const second = await documentImporter(org.ctx(), {
    bytes: Buffer.from(actionPlan({ ...FIRST_AMOUNTS, reading: [200, 300] })),
    filename: "plan-revideret.md",
  });
  secondDoc = second.documentId;
  const { email, password } = await buildLoginUser(org, "coordinator");
  client = new AdminClient(await buildTestApp(org));
  await client.login(email, password);
}, 120_000);

describe("choosing the registry row a new version updates", () => {
  it("shows the row a policy of the new version matches, selected, beside the others of its kind", async () => {
    const [policy] = await pendingOf("policy");
    const [old] = (await rowsOf.policies()).filter((p) => p.id !== otherPolicyId);
    await client.get(`/admin/forslag/${policy!.id}`);
    expect(client.lastHtml).toContain('<label class="form-label" for="f-opdaterer">Opdaterer</label>');
    expect(selectedTarget(client.lastHtml)).toBe(old!.id);
    expect(client.lastHtml).toContain(`value="${otherPolicyId}"`);
    expect(client.lastHtml).toContain('value="new"');
    const rows = comparison(client.lastHtml);
    expect(rows).toContainEqual(["Titel", old!.title, old!.title, "Uændret"]);
    expect(rows.every((r) => r[3] === "Uændret")).toBe(true);
  });

  it("refuses a target that is not a row of the candidate's kind, in Danish, keeping the values and writing nothing", async () => {
    const [policy] = await pendingOf("policy");
    const [initiative] = await rowsOf.initiatives();
    const before = (await rowsOf.policies()).map((p) => [p.id, p.version]);
    for (const target of ["00000000-0000-4000-8000-000000000000", initiative!.id]) {
      const res = await submit(policy!, {
        handling: "accept",
        opdaterer: target,
        "f.title": "Min nye titel",
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain("Opdaterer er ikke en post af denne slags i registret.");
      expect(html).toContain('href="#f-opdaterer"');
      expect(html).toContain('value="Min nye titel"');
    }
    const garbled = await submit(policy!, {
      handling: "accept",
      opdaterer: "abc",
      "f.title": "Min nye titel",
    });
    expect(garbled.status).toBe(400);
    expect(await garbled.text()).toContain("Vælg en post på listen, eller opret som ny.");
    expect((await rowsOf.policies()).map((p) => [p.id, p.version])).toEqual(before);
    expect((await pendingOf("policy")).map((c) => c.id)).toEqual([policy!.id]);
  });

  it("marks the changed amount of a budget line and compares another row on request", async () => {
    const [policy] = await pendingOf("policy");
    expect((await submit(policy!, { handling: "accept" })).status).toBe(303);
    const reading = (await pendingOf("initiative")).find(
      (i) => i.fields.title === "Læsemakkere i fritidsklubber",
    )!;
    expect((await submit(reading, { handling: "accept" })).status).toBe(303);

    const line = (await pendingOf("budget_line")).find(
      (l) => l.fields.label === "Læsemakkere i fritidsklubber" && l.fields.year === 2028,
    )!;
    const oldLines = await rowsOf.budgetLines();
    const old2028 = oldLines.find((l) => l.label === line.fields.label && l.year === 2028)!;
    const old2027 = oldLines.find((l) => l.label === line.fields.label && l.year === 2027)!;
    await client.get(`/admin/forslag/${line.id}`);
    expect(selectedTarget(client.lastHtml)).toBe(old2028.id);
    const rows = comparison(client.lastHtml);
    expect(rows).toContainEqual(["Beløb (kr.)", "250.000 kr.", "300.000 kr.", "Ændres"]);
    expect(rows).toContainEqual(["År", "2028", "2028", "Uændret"]);
    expect(client.lastHtml).toContain("ændres 1 felt i posten");

    // "Vis sammenligning" with another row and an edited amount: the page again, nothing written.
    const compared = await submit(line, {
      handling: "compare",
      opdaterer: old2027.id,
      "f.amount_dkk": "310.000",
    });
    expect(compared.status).toBe(200);
    const html = await compared.text();
    expect(selectedTarget(html)).toBe(old2027.id);
    expect(comparison(html)).toContainEqual(["Beløb (kr.)", "200.000 kr.", "310.000 kr.", "Ændres"]);
    expect(comparison(html)).toContainEqual(["År", "2027", "2028", "Ændres"]);
    expect(html).toContain('value="310.000"');
    expect((await rowsOf.budgetLines()).map((l) => [l.id, l.version])).toEqual(
      oldLines.map((l) => [l.id, l.version]),
    );

    // Accepted as matched: the same row gets the new amount.
    expect((await submit(line, { handling: "accept", opdaterer: old2028.id })).status).toBe(303);
    const [saved] = await org.db.select().from(budgetLines).where(eq(budgetLines.id, old2028.id));
    expect(saved!.amountDkk).toBe(300_000);
    expect(await rowsOf.budgetLines()).toHaveLength(4);
  });

  it("honours the choice: another row of the kind is updated, and 'opret som ny' makes a new row", async () => {
    const halls = (await pendingOf("initiative")).find(
      (i) => i.fields.title === "Tilgængelige idrætshaller",
    )!;
    const before = await rowsOf.initiatives();
    const oldHalls = before.find((i) => i.title === "Tilgængelige idrætshaller")!;
    await client.get(`/admin/forslag/${halls.id}`);
    expect(selectedTarget(client.lastHtml)).toBe(oldHalls.id);
    expect((await submit(halls, { handling: "accept", opdaterer: "new" })).status).toBe(303);
    const after = await rowsOf.initiatives();
    expect(after).toHaveLength(3);
    expect(after.find((i) => i.id === oldHalls.id)).toEqual(oldHalls);
    const made = after.find((i) => !before.some((b) => b.id === i.id))!;
    expect(made.title).toBe("Tilgængelige idrætshaller");
    const [accepted] = await org.db.select().from(candidates).where(eq(candidates.id, halls.id));
    expect(accepted!.acceptedEntityId).toBe(made.id);

    // A line of the reading buddies, pointed at the other line of the same initiative by the reviewer.
    const line2027 = (await pendingOf("budget_line")).find(
      (l) => l.fields.label === "Læsemakkere i fritidsklubber" && l.fields.year === 2027,
    )!;
    const lines = await rowsOf.budgetLines();
    const chosen = lines.find((l) => l.label === "Læsemakkere i fritidsklubber" && l.year === 2028)!;
    const matched = lines.find((l) => l.label === "Læsemakkere i fritidsklubber" && l.year === 2027)!;
    await client.get(`/admin/forslag/${line2027.id}`);
    expect(selectedTarget(client.lastHtml)).toBe(matched.id);
    const res = await submit(line2027, {
      handling: "accept",
      opdaterer: chosen.id,
      "f.amount_dkk": "215.000",
    });
    expect(res.status).toBe(303);
    const [updated] = await org.db.select().from(budgetLines).where(eq(budgetLines.id, chosen.id));
    expect([updated!.year, updated!.amountDkk]).toEqual([2027, 215_000]);
    const [untouched] = await org.db.select().from(budgetLines).where(eq(budgetLines.id, matched.id));
    expect(untouched).toEqual(matched);
  });
});
