// The demo corpus on the portal: a document that holds several policies credits each
// value to its own policy, and every policy page shows its budget table.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import { buildOrganisation, type TestOrganisation } from "../../../test/factories.ts";
import { initiatives, policies } from "../../db/schema.ts";
import { importDemoDocuments } from "../../demo/demoImport.ts";
import { demoDocuments } from "../../demo/loadDemo.ts";
import { createLogger } from "../../logger.ts";

let org: TestOrganisation;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  org = await buildOrganisation();
  await importDemoDocuments(org.ctx(), demoDocuments(), createLogger("silent"));
  app = await buildTestApp(org);
}, 180_000);

async function page(path: string) {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return (await res.text()).replace(/\s+/g, " ");
}

const text = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");

/** The action plans that share their document with other policies, with those others' titles. */
async function sharedDocumentPlans() {
  const all = await org.db
    .select({
      id: policies.id,
      slug: policies.slug,
      title: policies.title,
      kind: policies.kind,
      documentId: policies.documentId,
    })
    .from(policies)
    .where(eq(policies.organisationId, org.organisationId));
  return all
    .filter((p) => p.kind === "action_plan")
    .map((plan) => ({
      plan,
      others: all.filter((o) => o.documentId === plan.documentId && o.id !== plan.id).map((o) => o.title),
    }))
    .filter((x) => x.others.length > 0);
}

function section(html: string, heading: RegExp): string {
  const at = html.search(heading);
  expect(at).toBeGreaterThan(-1);
  const rest = html.slice(at);
  const next = rest.slice(1).search(/<h2[ >]/);
  return text(next === -1 ? rest : rest.slice(0, next + 1));
}

describe("sources of a document that holds several policies", () => {
  it("an action plan's initiative credits its sources to the action plan, not to the document's first policy", async () => {
    const shared = await sharedDocumentPlans();
    expect(shared.length).toBeGreaterThan(0);
    for (const { plan, others } of shared) {
      const rows = await org.db
        .select({ id: initiatives.id })
        .from(initiatives)
        .where(
          and(eq(initiatives.organisationId, org.organisationId), inArray(initiatives.policyId, [plan.id])),
        );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows.slice(0, 3)) {
        const kilder = section(await page(`/initiativer/${row.id}`), /<h2>Kilder<\/h2>/);
        const lines = kilder.split("«").slice(0, -1);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(line).toContain(`(${plan.title}`);
        for (const other of others) expect(kilder).not.toContain(other);
      }
    }
  });

  it("an action plan's page names its own part of the document in its source lines", async () => {
    for (const { plan, others } of await sharedDocumentPlans()) {
      const kilder = section(await page(`/politikker/${plan.slug}`), /<h2 id="kilder-heading">/);
      expect(kilder).toMatch(new RegExp(`${plan.title}[^:]*: \\d+ oplysninger`));
      for (const other of others) expect(kilder).not.toContain(`${other}: `);
    }
  });
});

describe("budget table on every policy and action plan page", () => {
  it("shows money per post and year with totals, and checks them against the document's I alt", async () => {
    const all = await org.db
      .select({ slug: policies.slug, kind: policies.kind })
      .from(policies)
      .where(eq(policies.organisationId, org.organisationId));
    let checked = 0;
    for (const p of all.filter((x) => x.kind === "policy" || x.kind.endsWith("action_plan"))) {
      const html = await page(`/politikker/${p.slug}`);
      const economy = section(html, /<h2 id="oekonomi-heading">/);
      expect(economy, p.slug).toMatch(/Budget pr\. post og år i kroner|Der er ikke registreret beløb/);
      if (economy.includes("dokumentets »I alt«")) checked++;
    }
    // The integration action plan states "I alt" per year under its table; its lines add up to it.
    const [plan] = await sharedDocumentPlans();
    const economy = section(await page(`/politikker/${plan!.plan.slug}`), /<h2 id="oekonomi-heading">/);
    expect(economy).toMatch(/I alt( [\d.,]+ (mio\. )?kr\.){4}/);
    expect(economy).toMatch(/Summen stemmer med dokumentets »I alt« for \d{4}, \d{4}, \d{4} og \d{4}\./);
    expect(checked).toBeGreaterThan(0);
  });
});
