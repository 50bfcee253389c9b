// The policy page checks a budget's lines against the "I alt" the document itself states. An
// action plan of an invented municipality whose total stands only in its Word or web-page table
// (test/fixtures/ingest/budget/action-plan.html, and the Word and HTML files the office programs
// make of it, generate.ts) is imported, and the check reads that total back.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildEmptyOrganisation } from "../../test/factories.ts";
import { repoFile } from "../../test/fixtures/ingest/helpers.ts";
import { documentImporter } from "../commands/documentImporter.ts";
import { administrations, committees, policies } from "../db/schema.ts";
import { policyBudget } from "../queries/policies/budget.ts";

const UNITS = {
  administrations: [
    { code: "KBF", name: "Kultur- og Borgerforvaltningen" },
    { code: "BMF", name: "By- og Miljøforvaltningen" },
    { code: "JUF", name: "Job- og Uddannelsesforvaltningen" },
    { code: "ØKF", name: "Økonomiforvaltningen" },
  ],
  committees: [{ code: "ØU", name: "Økonomiudvalget" }],
};

const DIR = "test/fixtures/ingest/budget/";

describe("a budget table whose total stands only in a Word or web-page table", () => {
  it.each([
    ["the web page", "action-plan.html"],
    ["Word as pandoc writes it", "action-plan.pandoc.docx"],
    ["Word as LibreOffice saves it", "action-plan.libreoffice.docx"],
    ["that Word file saved as a web page", "action-plan.libreoffice.html"],
  ])("reads the table's I alt back for the policy's budget check: %s", async (_, file) => {
    const org = await buildEmptyOrganisation();
    const organisationId = org.organisationId;
    await org.db.insert(administrations).values(UNITS.administrations.map((a) => ({ organisationId, ...a })));
    await org.db.insert(committees).values(UNITS.committees.map((c) => ({ organisationId, ...c })));
    await documentImporter(org.ctx(), { bytes: repoFile(DIR + file), filename: file, acceptAll: true });

    const [plan] = await org.db.select().from(policies).where(eq(policies.organisationId, organisationId));
    const budget = await policyBudget(org.ctx(), plan!.id);
    // The table, in 1.000 kr. (the caption above it says so): its lines add up to 2.100, 1.350
    // and 800; its "I alt" row says 2.100, 1.400 and 800, and 4.300 in the total column.
    expect([...budget.totals]).toEqual([
      [2027, 2_100_000],
      [2028, 1_350_000],
      [2029, 800_000],
    ]);
    expect(budget.stated && [...budget.stated]).toEqual([
      [2027, 2_100_000],
      [2028, 1_400_000],
      [2029, 800_000],
    ]);
  });
});
