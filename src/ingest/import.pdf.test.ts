// Corpus documents printed to PDF by an office suite (paragraphs wrapped at the suite's own width,
// bullets as Word lists, a running head and page numbers on every page) give the registry their
// text gives. The overview tables of the integration policy are plain lines in the corpus text and
// so in these PDFs too; the indicators read from them are compared in the text's own tests.
import { eq, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { buildOrganisation, type TestOrganisation } from "../../test/factories.ts";
import { CORPUS, LAYOUT_FIXTURES, repoFile } from "../../test/fixtures/ingest/helpers.ts";
import { documentImporter } from "../commands/documentImporter.ts";
import {
  annualTargets,
  budgetLines,
  goals,
  hearingResponses,
  initiatives,
  inquiries,
  policies,
  themes,
} from "../db/schema.ts";

const TABLES = {
  policies,
  themes,
  goals,
  initiatives,
  budget_lines: budgetLines,
  annual_targets: annualTargets,
  inquiries,
  hearing_responses: hearingResponses,
} as const;

async function registryCounts(org: TestOrganisation): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(TABLES)) {
    const t = table as PgTable & { organisationId: Parameters<typeof eq>[0] };
    const rows = await org.db
      .select()
      .from(t)
      .where(eq(t.organisationId, org.organisationId) as SQL);
    counts[name] = rows.length;
  }
  return counts;
}

async function importInto(filename: string, bytes: Uint8Array) {
  const org = await buildOrganisation();
  await documentImporter(org.ctx(), { bytes, filename, acceptAll: true });
  return org;
}

describe.each([
  ["the inquiry answer (000)", CORPUS.inquiryAnswer, LAYOUT_FIXTURES.inquiryAnswer, "inquiries"],
  ["the four policies (001)", CORPUS.policies, LAYOUT_FIXTURES.policies, "initiatives"],
  [
    "the hearing response (003)",
    CORPUS.hearingResponse,
    LAYOUT_FIXTURES.hearingResponse,
    "hearing_responses",
  ],
])("%s printed to PDF", (_, textPath, pdfPath, main) => {
  it("gives the same registry counts as its text", async () => {
    const fromText = await registryCounts(await importInto("dokument.txt", repoFile(textPath)));
    const fromPdfOrg = await importInto("dokument.pdf", repoFile(pdfPath));
    const fromPdf = await registryCounts(fromPdfOrg);
    expect(fromText[main]).toBeGreaterThan(0);
    expect(fromPdf).toEqual(fromText);
  });
});

describe("the four policies (001) printed to PDF", () => {
  it("keeps the policies' titles and periods", async () => {
    const org = await importInto("politikker.pdf", repoFile(LAYOUT_FIXTURES.policies));
    const rows = await org.db
      .select({ title: policies.title, start: policies.periodStart, end: policies.periodEnd })
      .from(policies)
      .where(eq(policies.organisationId, org.organisationId));
    const byTitle = (needle: string) => rows.find((r) => r.title.includes(needle));
    // Read in the corpus text: the disability policy runs 2018–2022, the integration policy 2019–2022.
    expect(byTitle("Handicappolitik")).toMatchObject({ start: 2018, end: 2022 });
    expect(byTitle("Lad os investere i integration")).toMatchObject({ start: 2019, end: 2022 });
    expect(byTitle("En ligeværdig del af fællesskabet")).toMatchObject({ end: 2023 });
  });
});
