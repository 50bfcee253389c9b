// The review screen as a coordinator reads it: Danish names and values with
// the quote beside each field, next/previous through the queue, a place picker
// for a line whose initiative was rejected, and refused edits that keep what
// the user typed.
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/app.ts";
import { buildLoginUser, buildOrganisation, type TestOrganisation } from "../../../../test/factories.ts";
import { budgetLines, candidates, initiatives, policies } from "../../../db/schema.ts";
import { AdminClient } from "../testkit.ts";

const corpus = (name: string) => fs.readFileSync(new URL(`../../../../data/demo/${name}`, import.meta.url));

let org: TestOrganisation;
let client: AdminClient;

const pending = (entity: string) =>
  org.db
    .select()
    .from(candidates)
    .where(
      and(
        eq(candidates.organisationId, org.organisationId),
        eq(candidates.entity, entity),
        eq(candidates.state, "pending"),
      ),
    )
    .orderBy(candidates.key);

/** What a person sees of a page: its main text, without markup. */
function visibleText(html: string): string {
  const { document } = parseHTML(html);
  return document.querySelector("main")?.textContent ?? "";
}

beforeAll(async () => {
  org = await buildOrganisation();
  const { email, password } = await buildLoginUser(org, "coordinator");
  client = new AdminClient(await buildTestApp(org));
  await client.login(email, password);
  for (const name of ["001_ee4dbdb44e1a7a93.txt", "003_139553ee05667919.txt"]) {
    await client.get("/admin/import");
    const res = await client.post(
      "/admin/import",
      { file: new File([corpus(name)], name, { type: "text/plain" }) },
      { multipart: true },
    );
    expect(res.status).toBe(201);
  }
}, 120_000);

describe("the review screen", () => {
  it("shows every field by its Danish name before its value, values in Danish, quotes beside their field", async () => {
    const [response] = await pending("hearing_response");
    await client.get(`/admin/forslag/${response!.id}`);
    const text = visibleText(client.lastHtml);
    expect(text).toContain("Valgte mål, nr. 1");
    expect(text).toContain("Fra udvalget");
    // No raw keys: snake_case names, list indexes or ground keys.
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b|\[\d+\]/);

    const queue = await client.get("/admin/forslag?slags=initiative");
    expect(queue.status).toBe(200);
    const { document } = parseHTML(client.lastHtml);
    const rows = Array.from(document.querySelectorAll(".candidate-fields tbody tr")) as Element[];
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row.firstElementChild?.tagName).toBe("TH");
    const main = visibleText(client.lastHtml);
    expect(main).not.toMatch(/\b[a-z]+_[a-z_]+\b|\[\d+\]/);
    expect(main).toMatch(/Finansiering/);
  });

  it("walks the queue with next and previous, counting as the queue does", async () => {
    const lines = await pending("budget_line");
    const back = "/admin/forslag?slags=budget_line";
    await client.get(`/admin/forslag/${lines[0]!.id}?tilbage=${encodeURIComponent(back)}`);
    expect(visibleText(client.lastHtml)).toContain(`Forslag 1 af ${lines.length} i køen.`);
    const next = /<a href="([^"]+)">Næste forslag<\/a>/.exec(client.lastHtml)![1]!.replace(/&amp;/g, "&");
    await client.get(next);
    expect(visibleText(client.lastHtml)).toContain(`Forslag 2 af ${lines.length} i køen.`);
    expect(client.lastHtml).toContain("Forrige forslag");
  });

  it("keeps the user's edits and names the field when the registry refuses them", async () => {
    const [policy] = await pending("policy");
    await client.get(`/admin/forslag/${policy!.id}`);
    const res = await client.post(`/admin/forslag/${policy!.id}`, {
      handling: "accept",
      ret: "1",
      version: String(policy!.version),
      "f.title": "Min rettede titel",
      "f.period_start": "2030",
      "f.period_end": "2020",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#f-period_end"');
    expect(visibleText(html)).toContain("Periodens slutning");
    expect(html).toContain('value="Min rettede titel"');
    expect(html).toContain('value="2030"');
    expect(
      await org.db.select().from(policies).where(eq(policies.organisationId, org.organisationId)),
    ).toHaveLength(0);
  });

  it("offers a place for a line whose initiative was rejected, and makes it the plan's own initiative", async () => {
    // Accept the policies, then reject an initiative that has budget lines.
    const back = "/admin/forslag";
    for (const p of await pending("policy"))
      await client.post(`/admin/forslag/${p.id}`, {
        handling: "accept",
        version: String(p.version),
        tilbage: back,
      });
    const lines = await pending("budget_line");
    const initiative = (await pending("initiative")).find((i) => lines.some((l) => l.parentKey === i.key))!;
    await client.get("/admin/forslag");
    await client.post(`/admin/forslag/${initiative.id}`, {
      handling: "reject",
      version: String(initiative.version),
      tilbage: back,
    });
    const line = lines.find((l) => l.parentKey === initiative.key)!;
    await client.get(`/admin/forslag?slags=budget_line`);
    expect(visibleText(client.lastHtml)).toContain("Skal placeres");
    await client.get(`/admin/forslag/${line.id}`);
    expect(client.lastHtml).toContain('id="f-placering"');

    // Without a place it is refused, with the amount the user typed kept.
    const refused = await client.post(`/admin/forslag/${line.id}`, {
      handling: "accept",
      ret: "1",
      version: String(line.version),
      "f.amount_dkk": "123.456",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(visibleText(html)).toContain("Vælg, hvor forslaget skal placeres");
    expect(html).toContain('value="123.456"');

    const [plan] = await org.db
      .select()
      .from(policies)
      .where(and(eq(policies.organisationId, org.organisationId), eq(policies.kind, "action_plan")));
    const ok = await client.post(`/admin/forslag/${line.id}`, {
      handling: "accept",
      ret: "1",
      version: String(line.version),
      "f.amount_dkk": "123.456",
      placering: plan!.id,
    });
    expect(ok.status).toBe(303);
    const [saved] = await org.db
      .select({ amount: budgetLines.amountDkk, title: initiatives.title, policyId: initiatives.policyId })
      .from(budgetLines)
      .innerJoin(initiatives, eq(initiatives.id, budgetLines.initiativeId))
      .where(eq(budgetLines.organisationId, org.organisationId));
    expect(saved).toEqual({ amount: 123_456, title: line.fields.label, policyId: plan!.id });
  });

  it("counts the same waiting candidates on the dashboard's card and in its document table; a reporter sees neither", async () => {
    // Five newer documents, all accepted, push the two with waiting candidates out of "the latest five".
    for (let i = 1; i <= 5; i++) {
      await client.get("/admin/import");
      const text = `Politik for test nr. ${i} 2024-2027\n\nMål\n1. Flere borgere skal i job nr. ${i}.\n`;
      await client.post("/admin/import", { file: new File([text], `p${i}.txt`) }, { multipart: true });
    }
    const waiting = await org.db
      .select({ id: candidates.id, documentId: candidates.documentId })
      .from(candidates)
      .where(and(eq(candidates.organisationId, org.organisationId), eq(candidates.state, "pending")));
    await client.get("/admin");
    const { document } = parseHTML(client.lastHtml);
    const total = document.querySelector("tfoot")?.textContent ?? "";
    expect(total).toContain(String(waiting.length));
    expect(visibleText(client.lastHtml)).toContain(`${waiting.length} forslag`);
    const files = Array.from(document.querySelectorAll("tbody th") as ArrayLike<Element>).map(
      (th) => th.textContent,
    );
    expect(files).toContain("001_ee4dbdb44e1a7a93.txt");

    const reporter = await buildLoginUser(org, "reporter", { administrationCode: "BIF" });
    const other = new AdminClient(await buildTestApp(org));
    await other.login(reporter.email, reporter.password);
    await other.get("/admin");
    expect(other.lastHtml).not.toContain("Importerede dokumenter");
    expect(other.lastHtml).not.toContain("forslag");
    expect((await other.get("/admin/forslag")).status).toBe(404);
  });
});
