// build* factories: each test makes its own organisation, so tests sharing a
// worker's database never see each other's rows.
import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { hashPassword } from "../src/auth/password.ts";
import { type Actor, type Context, createContext, systemActor } from "../src/context.ts";
import type { Db } from "../src/db/client.ts";
import {
  administrations,
  annualTargets,
  budgetLines,
  committees,
  documents,
  goalCommittees,
  goals,
  hearingResponses,
  hearings,
  indicators,
  initiativeGoals,
  initiatives,
  inquiries,
  inquiryAdministrations,
  roleAssignments as loginRoleAssignments,
  users as loginUsers,
  observations,
  organisations,
  policies,
  provenance,
  themes,
} from "../src/db/schema.ts";
import type { Role as LoginRole } from "../src/domain/enums.ts";
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

/**
 * Runs `work` in a transaction with the database's reference checks off
 * (session_replication_role = replica, for that transaction only). For rows the schema
 * refuses, such as one that names another organisation's row: they stand for data no key
 * ever checked, and show that the queries keep such rows out by their own conditions too.
 */
export async function withoutReferenceChecks<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    return work(tx as unknown as Db);
  });
}

/** An organisation with seven administrations and committees, in the tests' database or in `db`. */
export async function buildOrganisation(into?: Db): Promise<TestOrganisation> {
  const db = into ?? (await testDatabase()).db;
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

/**
 * A registry with every open-data resource filled, including the awkward cases: a
 * suppressed observation, a citizen's hearing response without consent, an unpublished
 * response, a draft inquiry answer, a policy with a parent, a document with an earlier version.
 */
export async function buildRegistry(org: TestOrganisation) {
  const { db, organisationId } = org;
  const sha = (seed: string) => createHash("sha256").update(`${organisationId}:${seed}`).digest("hex");
  const policyText = "Ligestillingspolitik 2024–2027. Pejlemærke 1: Flere i job. Målet er 70 pct. i 2027.";
  const [draftDoc] = await db
    .insert(documents)
    .values({
      organisationId,
      filename: "politik-udkast.pdf",
      mediaType: "application/pdf",
      sha256: sha("v1"),
      size: 1200,
      text: "Udkast",
    })
    .returning();
  const [doc] = await db
    .insert(documents)
    .values({
      organisationId,
      filename: "politik.pdf",
      mediaType: "application/pdf",
      sha256: sha("v2"),
      size: 2048,
      kind: "policy",
      title: "Ligestillingspolitik 2024–2027",
      caseNumber: "2023-0012345",
      documentNumber: "2023-0012345-7",
      dated: "2023-11-30",
      text: policyText,
      storagePath: "uploads/ab/cdef",
      previousVersionId: draftDoc!.id,
    })
    .returning();
  const policy = await buildPolicy(org, {
    title: "Ligestillingspolitik 2024–2027",
    status: "adopted",
    adoptedOn: "2023-12-14",
    ownerCommitteeId: org.committeeIds.ØU,
    followUp: "Årlig status til Økonomiudvalget; midtvejsstatus i 2025.",
    documentId: doc!.id,
  });
  const plan = await buildPolicy(org, {
    title: "Handleplan 2024–2025",
    kind: "action_plan",
    parentPolicyId: policy.id,
    periodStart: 2024,
    periodEnd: 2025,
    ownerAdministrationId: org.administrationIds.BIF,
  });
  const theme1 = await buildTheme(org, policy.id, 1, "Flere i job");
  await db.insert(themes).values({
    organisationId,
    policyId: policy.id,
    number: 2,
    title: "Tryghed",
    description: "Alle skal føle sig trygge.",
  });
  const goal1 = await buildGoal(org, policy.id, { themeId: theme1.id, number: "1.1", sortOrder: 1 });
  const goal2 = await buildGoal(org, policy.id, {
    kind: "result_goal",
    number: "1.2",
    text: "Færre unge uden uddannelse",
    administrationId: org.administrationIds.BUF,
    sortOrder: 2,
  });
  await db.insert(goalCommittees).values([
    { organisationId, goalId: goal1.id, committeeId: org.committeeIds.ØU! },
    { organisationId, goalId: goal1.id, committeeId: org.committeeIds.BIU! },
  ]);
  const indicator1 = await buildIndicator(org, goal1.id, {
    baselineValue: 60.5,
    source: "Danmarks Statistik",
  });
  const indicator2 = await buildIndicator(org, goal2.id, {
    title: "Unge uden uddannelse",
    direction: "decrease",
    unit: "personer",
    baselineValue: 120,
    baselinePeriod: "2016/17",
    targetValue: null,
    targetPeriod: null,
  });
  const obs = await db
    .insert(observations)
    .values([
      { organisationId, indicatorId: indicator1.id, period: "2018", year: 2018, value: 60.5, n: 1200 },
      {
        organisationId,
        indicatorId: indicator1.id,
        period: "2019",
        year: 2019,
        value: 62.25,
        n: 1180,
        footnote: "Foreløbigt tal",
      },
      {
        organisationId,
        indicatorId: indicator1.id,
        period: "2019",
        year: 2019,
        value: 58,
        disaggregation: "køn=kvinder",
        n: 600,
      },
      { organisationId, indicatorId: indicator1.id, period: "2020Q3", year: 2020, value: 63.1 },
      {
        organisationId,
        indicatorId: indicator2.id,
        period: "2016/17",
        year: 2017,
        value: 120,
        n: 120,
        source: "UNI-C",
      },
      {
        organisationId,
        indicatorId: indicator2.id,
        period: "2017/18",
        year: 2018,
        value: 3,
        n: 3,
        footnote: "Lille gruppe",
      },
      { organisationId, indicatorId: indicator2.id, period: "2019-2022", year: 2022, value: 0, n: 0 },
    ])
    .returning();
  const suppressed = obs.find((o) => o.n === 3)!;
  const initiative1 = await buildInitiative(org, policy.id, {
    description: 'Anonym rådgivning, også "online", for LGBTI+-personer; åben hver uge.',
    targetGroups: ["LGBTI+-personer", "pårørende"],
    partners: ["LGBT+ Danmark"],
    equalityGrounds: ["sexual_orientation", "gender_identity"],
    committeeId: org.committeeIds.SOU,
    startYear: 2024,
    endYear: 2027,
  });
  const initiative2 = await buildInitiative(org, plan.id, {
    title: "Jobmentorer til kvinder",
    administrationId: org.administrationIds.BIF,
    fundingStatus: "requires_separate_funding",
    status: "planned",
    equalityGrounds: ["gender", "race_ethnicity"],
  });
  await db.insert(initiativeGoals).values([
    { organisationId, initiativeId: initiative1.id, goalId: goal1.id },
    { organisationId, initiativeId: initiative2.id, goalId: goal1.id },
    { organisationId, initiativeId: initiative2.id, goalId: goal2.id },
  ]);
  await db.insert(budgetLines).values([
    {
      organisationId,
      initiativeId: initiative1.id,
      year: 2024,
      amountDkk: 2_500_000,
      fte: 1.25,
      fundingStatus: "within_frame",
    },
    {
      organisationId,
      initiativeId: initiative1.id,
      year: null,
      amountDkk: 9_000_000_000,
      fte: null,
      fundingStatus: "funded",
      label: "Hele perioden",
    },
    {
      organisationId,
      initiativeId: initiative2.id,
      year: 2025,
      amountDkk: null,
      fte: 0.5,
      fundingStatus: "in_budget_process",
    },
  ]);
  await db.insert(annualTargets).values([
    {
      organisationId,
      initiativeId: initiative1.id,
      year: 2024,
      metric: "Antal rådgivninger",
      targetValue: 300,
      actualValue: 312,
      unit: "samtaler",
    },
    {
      organisationId,
      initiativeId: initiative2.id,
      year: null,
      metric: "Andel i job efter forløb",
      targetValue: 0.4,
    },
  ]);
  const titleStart = policyText.indexOf("Ligestillingspolitik");
  await db.insert(provenance).values([
    {
      organisationId,
      entity: "policy",
      entityId: policy.id,
      field: "title",
      documentId: doc!.id,
      start: titleStart,
      end: titleStart + 20,
      quote: "Ligestillingspolitik",
      page: 1,
    },
    {
      organisationId,
      entity: "observation",
      entityId: suppressed.id,
      field: "value",
      documentId: doc!.id,
      start: 0,
      end: 5,
      quote: "3 unge",
    },
  ]);
  const [inquiry] = await db
    .insert(inquiries)
    .values({
      organisationId,
      askedBy: "Medlem af kommunalbestyrelsen",
      askedOn: "2024-03-01",
      dueOn: "2024-03-22",
      questions: ["Hvilke initiativer for ligestilling findes?", "Hvad koster de, i kr. og årsværk?"],
      administrationId: org.administrationIds.ØKF,
      answer: "Se bilag.",
      answeredOn: "2024-03-20",
      signedBy: "Kommunaldirektøren",
      caseNumber: "2024-0001",
      documentNumber: "2024-0001-3",
      state: "sent",
      scope: { equalityGrounds: ["gender"], years: [2024] },
      documentId: doc!.id,
    })
    .returning();
  await db.insert(inquiryAdministrations).values([
    { organisationId, inquiryId: inquiry!.id, administrationId: org.administrationIds.BIF! },
    { organisationId, inquiryId: inquiry!.id, administrationId: org.administrationIds.SOF! },
  ]);
  const [draftInquiry] = await db
    .insert(inquiries)
    .values({
      organisationId,
      askedBy: "Et andet medlem",
      questions: [],
      answer: "Udkast til svar",
      state: "drafting",
    })
    .returning();
  const [hearing] = await db
    .insert(hearings)
    .values({
      organisationId,
      policyId: policy.id,
      draftDocumentId: draftDoc!.id,
      adoptedDocumentId: doc!.id,
      title: "Høring om ligestillingspolitikken",
      opensOn: "2023-09-01",
      closesOn: "2023-10-15",
      state: "summarized",
      invited: ["Handicaprådet", "Integrationsrådet"],
    })
    .returning();
  const responses = await db
    .insert(hearingResponses)
    .values([
      {
        organisationId,
        hearingId: hearing!.id,
        policyTitle: "Ligestillingspolitik 2024–2027",
        fromCommitteeId: org.committeeIds.BUU,
        addressedTo: "Økonomiudvalget",
        meetingDate: "2023-10-10",
        text: "Udvalget støtter politikken.",
        positions: [{ section: "1.2", position: "støtter", quote: "Vi støtter mål 1.2" }],
        goalsChosen: ["1.1", "1.2"],
        caseNumber: "2023-0099",
        signedBy: "Formanden",
        published: true,
        receivedAt: "2023-10-11T08:30:00Z",
        documentId: doc!.id,
      },
      {
        organisationId,
        hearingId: hearing!.id,
        respondentKind: "citizen",
        fromName: "Anna Borger",
        text: "Jeg savner fokus på ældre.",
        published: true,
        consentToPublishName: false,
        receivedAt: "2023-10-12T12:00:00Z",
      },
      {
        organisationId,
        hearingId: hearing!.id,
        respondentKind: "organisation",
        fromName: "Foreningen X",
        text: "Ikke offentliggjort endnu.",
        published: false,
        receivedAt: "2023-10-13T09:15:30Z",
        attachmentDocumentId: draftDoc!.id,
      },
    ])
    .returning();
  return {
    documents: [draftDoc!, doc!],
    policy,
    plan,
    goals: [goal1, goal2],
    indicators: [indicator1, indicator2],
    observations: obs,
    suppressed,
    initiatives: [initiative1, initiative2],
    inquiries: [inquiry!, draftInquiry!],
    hearing: hearing!,
    hearingResponses: responses,
  };
}

/** An organisation with nothing in it, not even administrations: where a package is imported into. */
export async function buildEmptyOrganisation(): Promise<TestOrganisation> {
  const { db } = await testDatabase();
  const slug = `tom-${randomUUID().slice(0, 8)}`;
  const [org] = await db
    .insert(organisations)
    .values({ slug, name: `Tom kommune ${slug}` })
    .returning();
  const organisationId = org!.id;
  return {
    db,
    organisationId,
    administrationIds: {},
    committeeIds: {},
    ctx: (actor = systemActor("test")) => createContext({ db, organisationId, actor }),
  };
}

/**
 * A user who can log in: a password (argon2id) and one role; reporters get
 * the administration with `administrationCode`. Returns the password too.
 */
export async function buildLoginUser(
  org: TestOrganisation,
  role: LoginRole,
  opts: { administrationCode?: string; password?: string; name?: string; email?: string } = {},
) {
  const password = opts.password ?? "rigtig-hest-batteri-hæfteklamme";
  const administrationId = opts.administrationCode ? org.administrationIds[opts.administrationCode]! : null;
  const [user] = await org.db
    .insert(loginUsers)
    .values({
      organisationId: org.organisationId,
      name: opts.name ?? `Test ${role}${opts.administrationCode ? ` ${opts.administrationCode}` : ""}`,
      email: opts.email ?? `${role}-${randomUUID().slice(0, 8)}@example.dk`,
      passwordHash: await hashPassword(password),
    })
    .returning();
  await org.db
    .insert(loginRoleAssignments)
    .values({ organisationId: org.organisationId, userId: user!.id, role, administrationId });
  const actor: Actor = {
    kind: "user",
    userId: user!.id,
    label: user!.email,
    grants: [{ role, administrationId }],
  };
  return { user: user!, email: user!.email, password, actor, ctx: org.ctx(actor) };
}
