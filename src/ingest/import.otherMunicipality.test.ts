// A document from another municipality is read with that municipality's own administrations and
// committees (from its organisation rows), not Copenhagen's.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildEmptyOrganisation } from "../../test/factories.ts";
import { repoFile } from "../../test/fixtures/ingest/helpers.ts";
import { toDocx } from "../../test/fixtures/ingest/matrix/formats.ts";
import {
  BUDGET_YEARS,
  HAVNSTRUP_POLICY,
  HAVNSTRUP_UNITS,
  SECTION_INITIATIVES,
  TABLE_INITIATIVES,
  THEMES,
} from "../../test/fixtures/ingest/matrix/havnstrupPolicy.ts";
import { AARHUS_POLICY, AARHUS_UNITS } from "../../test/fixtures/ingest/otherMunicipality.ts";
import { documentImporter } from "../commands/documentImporter.ts";
import {
  administrations,
  budgetLines,
  committees,
  goals,
  initiatives,
  policies,
  themes,
} from "../db/schema.ts";

describe("an action plan from another municipality", () => {
  it("attributes initiatives and ownership to that municipality's own units", async () => {
    const org = await buildEmptyOrganisation();
    const organisationId = org.organisationId;
    const admins = await org.db
      .insert(administrations)
      .values(AARHUS_UNITS.administrations.map((a) => ({ organisationId, ...a })))
      .returning();
    const comms = await org.db
      .insert(committees)
      .values(AARHUS_UNITS.committees.map((c) => ({ organisationId, ...c })))
      .returning();
    const adminCode = new Map(admins.map((a) => [a.id, a.code]));
    const committeeCode = new Map(comms.map((c) => [c.id, c.code]));

    await documentImporter(org.ctx(), {
      bytes: Buffer.from(AARHUS_POLICY),
      filename: "ligestillingspolitik.pdf.txt",
      acceptAll: true,
    });

    const rows = await org.db
      .select({
        title: initiatives.title,
        administrationId: initiatives.administrationId,
        funding: initiatives.fundingStatus,
      })
      .from(initiatives)
      .where(eq(initiatives.organisationId, organisationId))
      .orderBy(asc(initiatives.title));
    expect(rows.map((r) => [r.title, adminCode.get(r.administrationId ?? ""), r.funding])).toEqual([
      ["Jobmentorer for ledige med handicap", "MSB", "within_frame"],
      ["Regnbuecaféer på plejecentrene", "MSO", "requires_separate_funding"],
      ["Seniorjobbank", "MSB", "unknown"],
      ["Tryghedsvandringer i bydelene", "MKB", "unknown"],
    ]);

    const [policy] = await org.db.select().from(policies).where(eq(policies.organisationId, organisationId));
    expect(adminCode.get(policy!.ownerAdministrationId ?? "")).toBe("BA");
    expect(committeeCode.get(policy!.ownerCommitteeId ?? "")).toBe("USB");
    expect([policy!.periodStart, policy!.periodEnd]).toEqual([2025, 2028]);
  });
});

describe("a policy of another municipality written in Word with headings, lists and tables", () => {
  it.each([
    ["Word", "mangfoldighedspolitik.docx", () => toDocx(HAVNSTRUP_POLICY)],
    [
      "PDF",
      "mangfoldighedspolitik.pdf",
      async () => repoFile("test/fixtures/ingest/matrix/havnstrup-policy.pdf"),
    ],
  ])(
    "imports completely from %s: themes, goals, initiatives per administration, budget",
    async (_, filename, bytes) => {
      const org = await buildEmptyOrganisation();
      const organisationId = org.organisationId;
      const admins = await org.db
        .insert(administrations)
        .values(HAVNSTRUP_UNITS.administrations.map((a) => ({ organisationId, ...a })))
        .returning();
      await org.db
        .insert(committees)
        .values(HAVNSTRUP_UNITS.committees.map((c) => ({ organisationId, ...c })));
      const adminCode = new Map(admins.map((a) => [a.id, a.code]));

      await documentImporter(org.ctx(), { bytes: await bytes(), filename, acceptAll: true });

      const themeRows = await org.db
        .select()
        .from(themes)
        .where(eq(themes.organisationId, organisationId))
        .orderBy(asc(themes.number));
      expect(themeRows.map((t) => t.title.toUpperCase())).toEqual(THEMES.map((t) => t.title));
      const goalRows = await org.db.select().from(goals).where(eq(goals.organisationId, organisationId));
      expect(goalRows.map((g) => g.text).sort()).toEqual(THEMES.flatMap((t) => t.goals).sort());
      const rows = await org.db
        .select()
        .from(initiatives)
        .where(eq(initiatives.organisationId, organisationId));
      const got = rows.map((r) => [r.title, adminCode.get(r.administrationId ?? ""), r.fundingStatus]);
      const want = [...TABLE_INITIATIVES, ...SECTION_INITIATIVES].map((i) => [
        i.title,
        i.administration,
        i.funding,
      ]);
      expect(got.sort()).toEqual(want.sort());
      const lines = await org.db
        .select()
        .from(budgetLines)
        .where(eq(budgetLines.organisationId, organisationId));
      // The budget table's "I alt": 7.600 (1.000 kr.) over the four years.
      expect(lines).toHaveLength(TABLE_INITIATIVES.length * BUDGET_YEARS.length);
      expect(lines.reduce((sum, l) => sum + (l.amountDkk ?? 0), 0)).toBe(7_600_000);
    },
  );
});
