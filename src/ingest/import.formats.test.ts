// The same document as plain text, as a Word file and as a web page gives the
// same registry: the reader changes, the recognized facts do not.
import fs from "node:fs";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildOrganisation, type TestOrganisation } from "../../test/factories.ts";
import { buildDocx, corpusParagraphs } from "../../test/fixtures/ingest/docxBuilder.ts";
import { documentImporter } from "../commands/documentImporter.ts";
import { goals, hearingResponses, inquiries, policies } from "../db/schema.ts";

const text = (name: string) => fs.readFileSync(`data/demo/${name}`, "utf8");

function toHtml(source: string): string {
  const esc = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  const blocks = source
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const body = blocks
    .map((b) => {
      const heading = b.match(/^#+\s*(.*)$/);
      if (heading) return `<h2>${esc(heading[1]!.replaceAll("*", ""))}</h2>`;
      if (/^- /m.test(b))
        return `<ul>${b
          .split(/\n- /)
          .map((li) => `<li>${esc(li.replace(/^- /, ""))}</li>`)
          .join("")}</ul>`;
      // A line ending in two spaces is a hard line break (as in the extracted text): <br>.
      const lines = b
        .replaceAll("**", "")
        .split(/ {2,}\n/)
        .map((l) => esc(l.replace(/\s*\n\s*/g, " ")));
      return `<p>${lines.join("<br>")}</p>`;
    })
    .join("\n");
  return `<!DOCTYPE html><html lang="da"><head><title>Dokument</title><style>p{}</style></head><body>${body}<script>alert(1)</script></body></html>`;
}

async function registryOf(org: TestOrganisation) {
  const where = { org: org.organisationId };
  const [p, g, h, i] = await Promise.all([
    org.db
      .select({
        title: policies.title,
        kind: policies.kind,
        start: policies.periodStart,
        end: policies.periodEnd,
      })
      .from(policies)
      .where(eq(policies.organisationId, where.org))
      .orderBy(asc(policies.title)),
    org.db
      .select({ text: goals.text })
      .from(goals)
      .where(eq(goals.organisationId, where.org))
      .orderBy(asc(goals.text)),
    org.db
      .select({
        meeting: hearingResponses.meetingDate,
        caseNumber: hearingResponses.caseNumber,
        goalsChosen: hearingResponses.goalsChosen,
      })
      .from(hearingResponses)
      .where(eq(hearingResponses.organisationId, where.org)),
    org.db
      .select({
        askedOn: inquiries.askedOn,
        caseNumber: inquiries.caseNumber,
        documentNumber: inquiries.documentNumber,
        signedBy: inquiries.signedBy,
      })
      .from(inquiries)
      .where(eq(inquiries.organisationId, where.org)),
  ]);
  return { policies: p, goals: g, hearings: h, inquiries: i };
}

async function importAs(name: string, bytes: Uint8Array) {
  const org = await buildOrganisation();
  await documentImporter(org.ctx(), { bytes, filename: name, acceptAll: true });
  return registryOf(org);
}

describe.each(["003_139553ee05667919.txt", "000_cb657fdc86ad7978.txt"])("%s in other formats", (name) => {
  it("gives the same registry from DOCX and from HTML as from the text", async () => {
    const source = text(name);
    const fromText = await importAs("letter.txt", Buffer.from(source));
    expect(fromText.hearings.length + fromText.inquiries.length).toBe(1);
    const docx = await buildDocx({ title: "Brev", paragraphs: corpusParagraphs(source) });
    expect(await importAs("letter.docx", docx)).toEqual(fromText);
    expect(await importAs("letter.html", Buffer.from(toHtml(source)))).toEqual(fromText);
  });
});
