// build* factories: each test makes its own organisation, so tests sharing a
// worker's database never see each other's rows.
import { randomUUID } from "node:crypto";
import { type Actor, type Context, createContext, systemActor } from "../src/context.ts";
import type { Db } from "../src/db/client.ts";
import {
  administrations,
  committees,
  goals,
  indicators,
  initiatives,
  organisations,
  policies,
  themes,
} from "../src/db/schema.ts";
import { testDatabase } from "./db.ts";

export const administrationNames: Record<string, string> = {
  BIF: "Beskæftigelses- og Integrationsforvaltningen",
  BUF: "Børne- og Ungdomsforvaltningen",
  KFF: "Kultur- og Fritidsforvaltningen",
  SOF: "Socialforvaltningen",
  SUF: "Sundheds- og Omsorgsforvaltningen",
  TMF: "Teknik- og Miljøforvaltningen",
  ØKF: "Økonomiforvaltningen",
};

export const committeeNames: Record<string, string> = {
  BIU: "Beskæftigelses- og Integrationsudvalget",
  BUU: "Børne- og Ungdomsudvalget",
  KFU: "Kultur- og Fritidsudvalget",
  SOU: "Socialudvalget",
  SUU: "Sundheds- og Omsorgsudvalget",
  TMU: "Teknik- og Miljøudvalget",
  ØU: "Økonomiudvalget",
};

export interface TestOrganisation {
  db: Db;
  organisationId: string;
  administrationIds: Record<string, string>;
  committeeIds: Record<string, string>;
  ctx(actor?: Actor): Context;
}

export async function buildOrganisation(): Promise<TestOrganisation> {
  const { db } = await testDatabase();
  const slug = `test-${randomUUID().slice(0, 8)}`;
  const [org] = await db
    .insert(organisations)
    .values({ slug, name: `Testkommune ${slug}` })
    .returning();
  const organisationId = org!.id;
  const adminRows = await db
    .insert(administrations)
    .values(Object.entries(administrationNames).map(([code, name]) => ({ organisationId, code, name })))
    .returning();
  const committeeRows = await db
    .insert(committees)
    .values(Object.entries(committeeNames).map(([code, name]) => ({ organisationId, code, name })))
    .returning();
  return {
    db,
    organisationId,
    administrationIds: Object.fromEntries(adminRows.map((r) => [r.code, r.id])),
    committeeIds: Object.fromEntries(committeeRows.map((r) => [r.code, r.id])),
    ctx: (actor = systemActor("test")) => createContext({ db, organisationId, actor }),
  };
}

export async function buildPolicy(
  org: TestOrganisation,
  overrides: Partial<typeof policies.$inferInsert> = {},
) {
  const [row] = await org.db
    .insert(policies)
    .values({
      organisationId: org.organisationId,
      slug: `politik-${randomUUID().slice(0, 8)}`,
      title: "Testpolitik for ligestilling 2024–2027",
      kind: "policy",
      periodStart: 2024,
      periodEnd: 2027,
      ownerAdministrationId: org.administrationIds.ØKF,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function buildTheme(org: TestOrganisation, policyId: string, number = 1, title = "Tema") {
  const [row] = await org.db
    .insert(themes)
    .values({ organisationId: org.organisationId, policyId, number, title })
    .returning();
  return row!;
}

export async function buildGoal(
  org: TestOrganisation,
  policyId: string,
  overrides: Partial<typeof goals.$inferInsert> = {},
) {
  const [row] = await org.db
    .insert(goals)
    .values({
      organisationId: org.organisationId,
      policyId,
      text: "Flere skal i job",
      number: "1",
      ...overrides,
    })
    .returning();
  return row!;
}

export async function buildIndicator(
  org: TestOrganisation,
  goalId: string,
  overrides: Partial<typeof indicators.$inferInsert> = {},
) {
  const [row] = await org.db
    .insert(indicators)
    .values({
      organisationId: org.organisationId,
      goalId,
      title: "Andel i beskæftigelse",
      unit: "pct.",
      direction: "increase",
      baselineValue: 60,
      baselinePeriod: "2018",
      targetValue: 70,
      targetPeriod: "2022",
      ...overrides,
    })
    .returning();
  return row!;
}

export async function buildInitiative(
  org: TestOrganisation,
  policyId: string,
  overrides: Partial<typeof initiatives.$inferInsert> = {},
) {
  const [row] = await org.db
    .insert(initiatives)
    .values({
      organisationId: org.organisationId,
      policyId,
      administrationId: org.administrationIds.SOF,
      title: "Rådgivning for LGBTI+-personer",
      fundingStatus: "within_frame",
      status: "ongoing",
      equalityGrounds: ["sexual_orientation"],
      ...overrides,
    })
    .returning();
  return row!;
}
