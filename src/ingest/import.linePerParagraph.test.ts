// A PDF converted to Word line by line: every printed line is a paragraph of its own, and the
// blank lines between paragraphs and table cells are empty paragraphs. The registry must come
// out as from the PDF's text, table cells (baselines, indicators) grouped as on the page.
import { Paragraph } from "docx";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildOrganisation, type TestOrganisation } from "../../test/factories.ts";
import { buildDocx } from "../../test/fixtures/ingest/docxBuilder.ts";
import { documentImporter } from "../commands/documentImporter.ts";
import { administrations, goals, indicators, initiatives, policies, themes } from "../db/schema.ts";
import { CORPUS, readDemo } from "./recognize/testkit.ts";

async function registryOf(org: TestOrganisation) {
  const by = org.organisationId;
  const [p, t, g, ind, ini] = await Promise.all([
    org.db
      .select({ title: policies.title, start: policies.periodStart, end: policies.periodEnd })
      .from(policies)
      .where(eq(policies.organisationId, by))
      .orderBy(asc(policies.title)),
    org.db.select({ title: themes.title }).from(themes).where(eq(themes.organisationId, by)),
    org.db
      .select({ text: goals.text })
      .from(goals)
      .where(eq(goals.organisationId, by))
      .orderBy(asc(goals.text)),
    org.db
      .select({ title: indicators.title, value: indicators.baselineValue, period: indicators.baselinePeriod })
      .from(indicators)
      .where(eq(indicators.organisationId, by))
      .orderBy(asc(indicators.title)),
    org.db
      .select({ title: initiatives.title, administration: administrations.code })
      .from(initiatives)
      .leftJoin(administrations, eq(administrations.id, initiatives.administrationId))
      .where(eq(initiatives.organisationId, by))
      .orderBy(asc(initiatives.title)),
  ]);
  return { policies: p, themes: t.map((x) => x.title).sort(), goals: g, indicators: ind, initiatives: ini };
}

async function importInto(bytes: Uint8Array, filename: string) {
  const org = await buildOrganisation();
  await documentImporter(org.ctx(), { bytes, filename, acceptAll: true });
  return registryOf(org);
}

describe("a PDF converted to Word with one paragraph per line", () => {
  it("gives the same registry as the PDF's text", async () => {
    const source = readDemo(CORPUS.policies);
    const lines = source.split("\n").map((line) => new Paragraph({ text: line }));
    const docx = await buildDocx({ paragraphs: lines });

    const fromText = await importInto(Buffer.from(source), "politikker.txt");
    const fromDocx = await importInto(docx, "politikker.docx");

    // Read in the text: four documents (three policies and the integration action plan), the
    // overview tables' indicators with their baselines, initiatives under their administration.
    expect(fromText.policies).toHaveLength(4);
    const feriecamp = fromText.indicators.find((i) => i.title === "Antallet af fremmødte børn på FerieCamp");
    expect([Number(feriecamp?.value), feriecamp?.period]).toEqual([57000, "2017"]);
    const partnerships = fromText.indicators.find((i) =>
      i.title.startsWith("Antallet af børn og unge under 25 år"),
    );
    expect([Number(partnerships?.value), partnerships?.period]).toEqual([9700, "2017"]);
    const admin = (title: string) => fromDocx.initiatives.find((i) => i.title === title)?.administration;
    expect(admin("Charter for demokratiske værdier")).toBe("BIF");
    expect(admin("Uge Sex")).toBe("BUF");

    expect({
      policies: fromDocx.policies.length,
      themes: fromDocx.themes.length,
      goals: fromDocx.goals.length,
      indicators: fromDocx.indicators.length,
      initiatives: fromDocx.initiatives.length,
    }).toEqual({
      policies: fromText.policies.length,
      themes: fromText.themes.length,
      goals: fromText.goals.length,
      indicators: fromText.indicators.length,
      initiatives: fromText.initiatives.length,
    });
    expect(fromDocx).toEqual(fromText);
    // Two imports of the largest corpus file: slow on a loaded two-core machine.
  }, 180_000);
});
