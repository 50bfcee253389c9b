// A document from another municipality is read with that municipality's own administrations and
// committees (from its organisation rows), not Copenhagen's.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildEmptyOrganisation } from "../../test/factories.ts";
import { AARHUS_POLICY, AARHUS_UNITS } from "../../test/fixtures/ingest/otherMunicipality.ts";
import { documentImporter } from "../commands/documentImporter.ts";
import { administrations, committees, initiatives, policies } from "../db/schema.ts";

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
