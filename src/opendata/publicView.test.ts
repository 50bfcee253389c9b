// What the public package withholds, and the provenance it therefore withholds too: a
// provenance row quoting a withheld value would publish it. One registry with a row of each
// kind the public view touches, and a provenance row quoting each (its quote says what it
// quotes), exported streamed (the database writing the CSV) and in memory, which must agree.
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseKind, testDatabase } from "../../test/db.ts";
import { buildOrganisation, buildRegistry, type TestOrganisation } from "../../test/factories.ts";
import {
  csvRecords,
  exportToTemp,
  FIXED_CREATED,
  readPackageDir,
} from "../../test/fixtures/datapackage/helpers.ts";
import { documents, hearingResponses, hearings, observations, provenance } from "../db/schema.ts";
import { HEARING_ATTACHMENT_KIND } from "../domain/enums.ts";
import { isSuppressed, suppressedSql } from "../domain/suppression.ts";
import { buildDataPackage, resourceCsv } from "./export.ts";
import { sqlText } from "./resourceDef.ts";
import { resourceByName } from "./resources.ts";
import { rowsOf } from "./sqlRows.ts";

async function registryWithSources(org: TestOrganisation) {
  const registry = await buildRegistry(org);
  const { db, organisationId } = org;
  const [policyDoc] = registry.documents.slice(-1);
  const byPeriod = (period: string) => registry.observations.find((o) => o.period === period)!;
  const [seven] = await db
    .insert(observations)
    .values({
      organisationId,
      indicatorId: registry.indicators[1]!.id,
      period: "2023",
      year: 2023,
      value: 7,
      n: 7,
      footnote: "Syv",
    })
    .returning();
  const [attachment] = await db
    .insert(documents)
    .values({
      organisationId,
      filename: "bilag.pdf",
      mediaType: "application/pdf",
      sha256: "f".repeat(63) + organisationId.slice(-1),
      size: 10,
      kind: HEARING_ATTACHMENT_KIND,
      title: "Borgerens bilag",
      text: "Bilagets tekst",
    })
    .returning();
  const [draftHearing] = await db
    .insert(hearings)
    .values({ organisationId, title: "Kladde til høring", state: "draft" })
    .returning();
  const [toDraft, consenting, withAttachment] = await db
    .insert(hearingResponses)
    .values([
      {
        organisationId,
        hearingId: draftHearing!.id,
        respondentKind: "organisation",
        fromName: "Foreningen Y",
        text: "Svar til en kladde.",
        published: true,
        receivedAt: "2023-10-14T10:00:00Z",
      },
      {
        organisationId,
        hearingId: registry.hearing.id,
        respondentKind: "citizen",
        fromName: "Bo Samtykke",
        text: "Med samtykke.",
        published: true,
        consentToPublishName: true,
        receivedAt: "2023-10-15T10:00:00Z",
      },
      {
        organisationId,
        hearingId: registry.hearing.id,
        respondentKind: "organisation",
        fromName: "Foreningen Z",
        text: "Med bilag.",
        published: true,
        attachmentDocumentId: attachment!.id,
        receivedAt: "2023-10-16T10:00:00Z",
      },
    ])
    .returning();
  const [sent, drafting] = registry.inquiries;
  const [, citizen, unpublished] = registry.hearingResponses;
  const suppressed = registry.suppressed;
  // Each quote names what it quotes; `shown` at threshold 5 (the default).
  const sources: { entity: string; id: string; field: string; quote: string; shown: boolean }[] = [
    { entity: "observation", id: suppressed.id, field: "value", quote: "n=3 value", shown: false },
    { entity: "observation", id: suppressed.id, field: "n", quote: "n=3 n", shown: false },
    { entity: "observation", id: suppressed.id, field: "footnote", quote: "n=3 footnote", shown: true },
    { entity: "observation", id: byPeriod("2019-2022").id, field: "value", quote: "n=0 value", shown: false },
    { entity: "observation", id: byPeriod("2020Q3").id, field: "value", quote: "no n value", shown: true },
    { entity: "observation", id: byPeriod("2018").id, field: "value", quote: "n=1200 value", shown: true },
    { entity: "observation", id: seven!.id, field: "value", quote: "n=7 value", shown: true },
    { entity: "document", id: attachment!.id, field: "title", quote: "attachment title", shown: false },
    { entity: "document", id: policyDoc!.id, field: "text", quote: "document text", shown: true },
    { entity: "inquiry", id: drafting!.id, field: "answer", quote: "draft answer", shown: false },
    { entity: "inquiry", id: drafting!.id, field: "asked_by", quote: "draft asked_by", shown: true },
    { entity: "inquiry", id: sent!.id, field: "answer", quote: "sent answer", shown: true },
    { entity: "hearing", id: draftHearing!.id, field: "title", quote: "draft hearing", shown: false },
    { entity: "hearing", id: registry.hearing.id, field: "title", quote: "open hearing", shown: true },
    { entity: "hearing_response", id: toDraft!.id, field: "text", quote: "to draft", shown: false },
    { entity: "hearing_response", id: unpublished!.id, field: "text", quote: "unpublished", shown: false },
    { entity: "hearing_response", id: citizen!.id, field: "from_name", quote: "citizen name", shown: false },
    { entity: "hearing_response", id: citizen!.id, field: "text", quote: "citizen text", shown: true },
    {
      entity: "hearing_response",
      id: consenting!.id,
      field: "from_name",
      quote: "consent name",
      shown: true,
    },
    { entity: "hearing_response", id: withAttachment!.id, field: "text", quote: "attached", shown: true },
    { entity: "policy", id: registry.policy.id, field: "title", quote: "policy title", shown: true },
  ];
  await db.insert(provenance).values(
    sources.map((s) => ({
      organisationId,
      entity: s.entity,
      entityId: s.id,
      field: s.field,
      documentId: policyDoc!.id,
      start: 0,
      end: 1,
      quote: s.quote,
    })),
  );
  return { registry, sources, seven: seven!, attachment: attachment!, withAttachment: withAttachment! };
}

/** The column `name` of the CSV's records, header left out. */
function column(text: string, name: string): string[] {
  const [header, ...rows] = csvRecords(text);
  return rows.map((row) => row[header!.indexOf(name)]!);
}

describe(`the suppression rule in SQL (${databaseKind})`, () => {
  // Edge values of n: unknown, zero, around each threshold, fractions, negative, huge, and
  // what a number column can hold that is not a finite number.
  const values = [
    null,
    0,
    0.5,
    1,
    4,
    4.5,
    4.999999,
    5,
    5.000001,
    9,
    10,
    11,
    -1,
    -5,
    2 ** 31 - 1,
    2 ** 53,
    1e300,
  ];
  const odd = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

  /** What the SQL rule says for each value, given as SQL of the type. */
  async function sqlRule(items: (number | null)[], type: string, threshold: number): Promise<boolean[]> {
    const { db } = await testDatabase();
    const rows = items.map((v, i) => `(${i}, ${v === null ? "NULL" : `'${String(v)}'`}::${type})`).join(", ");
    const result = await db.execute(
      sql.raw(`SELECT ${suppressedSql("x.n", threshold)} AS hidden FROM (VALUES ${rows}) x(i, n) ORDER BY i`),
    );
    return rowsOf(result).map((row) => row.hidden as boolean);
  }

  it.each([1, 5, 10, 1000])("suppresses exactly what isSuppressed does, threshold %i", async (threshold) => {
    const expected = (items: (number | null)[]) => items.map((n) => isSuppressed(n, threshold));
    const all = [...values, ...odd];
    expect(await sqlRule(all, "float8", threshold)).toEqual(expected(all));
    const numeric = values.filter((v) => v === null || v < 1e20);
    expect(await sqlRule([...numeric, Number.NaN], "numeric", threshold)).toEqual(
      expected([...numeric, Number.NaN]),
    );
    const integers = values.filter((v) => v === null || (Number.isInteger(v) && Math.abs(v) < 2 ** 31));
    expect(await sqlRule(integers, "integer", threshold)).toEqual(expected(integers));
  });

  it("refuses a threshold isSuppressed refuses", () => {
    for (const threshold of [0, 2.5, -1, Number.NaN])
      expect(() => suppressedSql("n", threshold)).toThrow(RangeError);
  });
});

describe(`the public package's view (${databaseKind})`, () => {
  it("withholds provenance quoting a withheld value, row or field, and nothing else", async () => {
    const org = await buildOrganisation();
    const { sources } = await registryWithSources(org);
    const files = readPackageDir(await exportToTemp(org.ctx()));
    const quotes = column(files.get("provenance.csv")!, "quote");
    expect(quotes.sort()).toEqual(
      sources
        .filter((s) => s.shown)
        .map((s) => s.quote)
        .concat("Ligestillingspolitik")
        .sort(),
    );
    // The full package keeps every source.
    const full = readPackageDir(await exportToTemp(org.ctx(), { audience: "full" }));
    expect(column(full.get("provenance.csv")!, "quote")).toHaveLength(sources.length + 2);
  });

  it("withholds a source that names another organisation's row, public there or not", async () => {
    const org = await buildOrganisation();
    const other = await buildOrganisation();
    const { registry } = await registryWithSources(org);
    const theirs = await buildRegistry(other);
    const [, policyDoc] = registry.documents;
    const public2018 = theirs.observations.find((o) => o.period === "2018")!;
    const [sent] = theirs.inquiries;
    await org.db.insert(provenance).values(
      [
        { entity: "observation", entityId: public2018.id, field: "value", quote: "their n=1200 value" },
        { entity: "inquiry", entityId: sent!.id, field: "answer", quote: "their sent answer" },
        { entity: "observation", entityId: theirs.suppressed.id, field: "value", quote: "their n=3 value" },
      ].map((source) => ({
        ...source,
        organisationId: org.organisationId,
        documentId: policyDoc!.id,
        start: 0,
        end: 1,
      })),
    );
    const quotes = column(readPackageDir(await exportToTemp(org.ctx())).get("provenance.csv")!, "quote");
    for (const quote of ["their n=1200 value", "their sent answer", "their n=3 value"])
      expect(quotes).not.toContain(quote);
    // Its own sources of the same kinds are published as before.
    for (const quote of ["n=1200 value", "sent answer"]) expect(quotes).toContain(quote);
  });

  it("leaves out withheld rows and the references to them", async () => {
    const org = await buildOrganisation();
    const { registry, attachment, withAttachment } = await registryWithSources(org);
    const files = readPackageDir(await exportToTemp(org.ctx()));
    const documentIds = column(files.get("documents.csv")!, "id");
    expect(documentIds).not.toContain(attachment.id);
    // A document of no kind is not an attachment: it is public.
    expect(documentIds).toContain(registry.documents[0]!.id);
    expect(column(files.get("hearings.csv")!, "title")).toEqual(["Høring om ligestillingspolitikken"]);
    const responses = files.get("hearing_responses.csv")!;
    expect(column(responses, "text").sort()).toEqual(
      ["Udvalget støtter politikken.", "Jeg savner fokus på ældre.", "Med samtykke.", "Med bilag."].sort(),
    );
    expect(column(responses, "from_name").sort()).toEqual(["", "", "Bo Samtykke", "Foreningen Z"]);
    const ids = column(responses, "id");
    expect(column(responses, "attachment_document_id")[ids.indexOf(withAttachment.id)]).toBe("");
    // The full package keeps the reference.
    const full = readPackageDir(await exportToTemp(org.ctx(), { audience: "full" }));
    expect(full.get("hearing_responses.csv")).toContain(attachment.id);
  });

  it("withholds a row, a value and their sources where the view's condition is unknown (NULL)", async () => {
    const org = await buildOrganisation();
    const { registry, attachment } = await registryWithSources(org);
    const [kindless, policyDoc] = registry.documents;
    await org.db.insert(provenance).values({
      organisationId: org.organisationId,
      entity: "document",
      entityId: kindless!.id,
      field: "title",
      documentId: policyDoc!.id,
      start: 0,
      end: 1,
      quote: "kindless title",
    });
    // Views as someone might write them: a comparison with a column that may be empty, which
    // is NULL (not false) for the document of no kind and the observation of no n.
    const documentsDef = resourceByName("documents")!;
    const observationsDef = resourceByName("observations")!;
    const views = [documentsDef.publicView, observationsDef.publicView] as const;
    documentsDef.publicView = { withheld: (t) => `${t}.kind = ${sqlText(HEARING_ATTACHMENT_KIND)}` };
    observationsDef.publicView = {
      withheldFields: (t, { threshold }) => ({ value: `${t}.n < ${threshold}` }),
    };
    try {
      const files = readPackageDir(await exportToTemp(org.ctx()));
      const ids = column(files.get("documents.csv")!, "id");
      expect(ids).toContain(policyDoc!.id);
      expect(ids).not.toContain(attachment.id);
      expect(ids).not.toContain(kindless!.id);
      const text = files.get("observations.csv")!;
      const value = (period: string) => column(text, "value")[column(text, "period").indexOf(period)];
      expect(value("2018")).not.toBe("");
      expect(value("2020Q3")).toBe("");
      const quotes = column(files.get("provenance.csv")!, "quote");
      for (const quote of ["document text", "n=1200 value"]) expect(quotes).toContain(quote);
      for (const quote of ["kindless title", "attachment title", "no n value"])
        expect(quotes).not.toContain(quote);
    } finally {
      [documentsDef.publicView, observationsDef.publicView] = views;
    }
  });

  it("suppresses by the threshold asked for, and withholds the sources of what it suppresses", async () => {
    const org = await buildOrganisation();
    const { seven, registry } = await registryWithSources(org);
    for (const [threshold, hidden, shown] of [
      [1, ["n=0 value"], ["n=3 value", "n=7 value"]],
      [10, ["n=0 value", "n=3 value", "n=7 value"], ["n=1200 value", "no n value"]],
    ] as const) {
      const files = readPackageDir(await exportToTemp(org.ctx(), { suppressionThreshold: threshold }));
      const quotes = column(files.get("provenance.csv")!, "quote");
      for (const quote of hidden) expect(quotes, `${threshold}`).not.toContain(quote);
      for (const quote of shown) expect(quotes, `${threshold}`).toContain(quote);
      const text = files.get("observations.csv")!;
      const row = (id: string) =>
        csvRecords(text)
          .find((r) => r[0] === id)!
          .slice(3, 7);
      expect(row(seven.id)).toEqual(threshold === 10 ? ["", "", "", "<10; Syv"] : ["7", "", "7", "Syv"]);
      expect(row(registry.suppressed.id)).toEqual(
        threshold === 10 ? ["", "", "", "<10; Lille gruppe"] : ["3", "", "3", "Lille gruppe"],
      );
    }
  });

  it("writes the same public package streamed, in memory and resource by resource", async () => {
    const org = await buildOrganisation();
    await registryWithSources(org);
    for (const threshold of [1, 5, 10]) {
      const dir = await exportToTemp(org.ctx(), { suppressionThreshold: threshold });
      const files = readPackageDir(dir);
      const { files: inMemory } = await buildDataPackage(org.ctx(), {
        suppressionThreshold: threshold,
        created: FIXED_CREATED,
      });
      expect(new Map([...inMemory].sort(([a], [b]) => a.localeCompare(b))), `${threshold}`).toEqual(files);
      for (const name of ["observations", "provenance", "hearing_responses", "documents"])
        expect(await resourceCsv(org.ctx(), name, { suppressionThreshold: threshold })).toBe(
          files.get(`${name}.csv`),
        );
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
