// The whole domain model of DESIGN.md §2 as tables. Every table carries
// organisation_id; every editable table carries version and timestamps. A reference
// between two tables of an organisation goes through (organisation_id, id)
// (columns.ts sameOrganisation), so no row can point into another organisation.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { DEFAULT_COUNCIL_NAME } from "../domain/council.ts";
import {
  candidateStates,
  equalityGrounds,
  fundingStatuses,
  goalKinds,
  hearingStates,
  indicatorDirections,
  initiativeStatuses,
  inquiryStates,
  policyKinds,
  policyStatuses,
  ratings,
  reportStates,
  respondentKinds,
  roles,
  roundKinds,
  roundStates,
} from "../domain/enums.ts";
import {
  editable,
  oneOf,
  organisationId,
  primaryId,
  sameOrganisation,
  timestamps,
  tsvector,
} from "./columns.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });
const day = (name: string) => date(name, { mode: "string" });
const num = (name: string) => numeric(name, { mode: "number" });

export const organisations = pgTable("organisations", {
  id: primaryId(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /**
   * The council as the pages write it inside a sentence ("Spørgsmål fra …"): the generic
   * "kommunalbestyrelsen", or the municipality's own ("Borgerrepræsentationen", "byrådet").
   */
  councilName: text("council_name").notNull().default(DEFAULT_COUNCIL_NAME),
  ...editable(),
});

export const administrations = pgTable(
  "administrations",
  {
    id: primaryId(),
    organisationId: organisationId().references(() => organisations.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    ...editable(),
  },
  (t) => [
    unique("administrations_org_code").on(t.organisationId, t.code),
    unique("administrations_organisation_id").on(t.organisationId, t.id),
  ],
);

export const committees = pgTable(
  "committees",
  {
    id: primaryId(),
    organisationId: organisationId().references(() => organisations.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    ...editable(),
  },
  (t) => [
    unique("committees_org_code").on(t.organisationId, t.code),
    unique("committees_organisation_id").on(t.organisationId, t.id),
  ],
);

export const documents = pgTable(
  "documents",
  {
    id: primaryId(),
    organisationId: organisationId().references(() => organisations.id),
    filename: text("filename").notNull(),
    mediaType: text("media_type").notNull(),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    kind: text("kind"),
    title: text("title"),
    caseNumber: text("case_number"),
    documentNumber: text("document_number"),
    dated: day("dated"),
    /** Normalized text; provenance offsets point into it. */
    text: text("text").notNull(),
    /** Where the uploaded bytes are kept, relative to the data directory (random name). */
    storagePath: text("storage_path"),
    /** A later version of the same policy document points to the one it replaces. */
    previousVersionId: uuid("previous_version_id"),
    ...editable(),
  },
  (t) => [
    unique("documents_org_sha256").on(t.organisationId, t.sha256),
    check("documents_sha256_hex", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("documents_size_nonnegative", sql`${t.size} >= 0`),
    unique("documents_organisation_id").on(t.organisationId, t.id),
    sameOrganisation(
      "documents_previous_version_id_org_fk",
      [t.organisationId, t.previousVersionId],
      [t.organisationId, t.id],
    ),
  ],
);

export const policies = pgTable(
  "policies",
  {
    id: primaryId(),
    organisationId: organisationId().references(() => organisations.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    /** The policy's own name under its title (e.g. "Lad os investere i integration"). */
    subtitle: text("subtitle"),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("adopted"),
    periodStart: integer("period_start"),
    periodEnd: integer("period_end"),
    ownerAdministrationId: uuid("owner_administration_id"),
    ownerCommitteeId: uuid("owner_committee_id"),
    parentPolicyId: uuid("parent_policy_id"),
    adoptedOn: day("adopted_on"),
    /** How the policy is followed up: rounds, recipients (free text from the document). */
    followUp: text("follow_up"),
    /** The equality grounds the policy or report covers as a whole. */
    equalityGrounds: text("equality_grounds").array().notNull().default(sql`'{}'`),
    documentId: uuid("document_id"),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('danish', coalesce(title, '') || ' ' || coalesce(follow_up, ''))`,
    ),
    ...editable(),
  },
  (t) => [
    unique("policies_org_slug").on(t.organisationId, t.slug),
    check("policies_kind", oneOf("kind", policyKinds)),
    check("policies_status", oneOf("status", policyStatuses)),
    check("policies_period", sql`period_start IS NULL OR period_end IS NULL OR period_start <= period_end`),
    check(
      "policies_equality_grounds",
      sql.raw(`equality_grounds <@ ARRAY[${equalityGrounds.map((g) => `'${g}'`).join(",")}]::text[]`),
    ),
    index("policies_search").using("gin", t.search),
    unique("policies_organisation_id").on(t.organisationId, t.id),
    sameOrganisation(
      "policies_owner_administration_id_org_fk",
      [t.organisationId, t.ownerAdministrationId],
      [administrations.organisationId, administrations.id],
    ),
    sameOrganisation(
      "policies_owner_committee_id_org_fk",
      [t.organisationId, t.ownerCommitteeId],
      [committees.organisationId, committees.id],
    ),
    sameOrganisation(
      "policies_parent_policy_id_org_fk",
      [t.organisationId, t.parentPolicyId],
      [t.organisationId, t.id],
    ),
    sameOrganisation(
      "policies_document_id_org_fk",
      [t.organisationId, t.documentId],
      [documents.organisationId, documents.id],
    ),
  ],
);

export const themes = pgTable(
  "themes",
  {
    id: primaryId(),
    organisationId: organisationId(),
    policyId: uuid("policy_id").notNull(),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    ...editable(),
  },
  (t) => [
    unique("themes_policy_number").on(t.policyId, t.number),
    unique("themes_organisation_id").on(t.organisationId, t.id),
    sameOrganisation(
      "themes_policy_id_org_fk",
      [t.organisationId, t.policyId],
      [policies.organisationId, policies.id],
    ).onDelete("cascade"),
  ],
);

export const goals = pgTable(
  "goals",
  {
    id: primaryId(),
    organisationId: organisationId(),
    policyId: uuid("policy_id").notNull(),
    themeId: uuid("theme_id"),
    kind: text("kind").notNull().default("goal"),
    number: text("number"),
    text: text("text").notNull(),
    administrationId: uuid("administration_id"),
    sortOrder: integer("sort_order").notNull().default(0),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('danish', coalesce(text, ''))`),
    ...editable(),
  },
  (t) => [
    check("goals_kind", oneOf("kind", goalKinds)),
    index("goals_search").using("gin", t.search),
    unique("goals_organisation_id").on(t.organisationId, t.id),
    sameOrganisation(
      "goals_policy_id_org_fk",
      [t.organisationId, t.policyId],
      [policies.organisationId, policies.id],
    ).onDelete("cascade"),
    sameOrganisation(
      "goals_theme_id_org_fk",
      [t.organisationId, t.themeId],
      [themes.organisationId, themes.id],
    ).onDelete("cascade"),
    sameOrganisation(
      "goals_administration_id_org_fk",
      [t.organisationId, t.administrationId],
      [administrations.organisationId, administrations.id],
    ),
  ],
);

export const goalCommittees = pgTable(
  "goal_committees",
  {
    organisationId: organisationId(),
    goalId: uuid("goal_id").notNull(),
    committeeId: uuid("committee_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.goalId, t.committeeId] }),
    sameOrganisation(
      "goal_committees_goal_id_org_fk",
      [t.organisationId, t.goalId],
      [goals.organisationId, goals.id],
    ).onDelete("cascade"),
    sameOrganisation(
      "goal_committees_committee_id_org_fk",
      [t.organisationId, t.committeeId],
      [committees.organisationId, committees.id],
    ),
  ],
);

export const indicators = pgTable(
  "indicators",
  {
    id: primaryId(),
    organisationId: organisationId(),
    goalId: uuid("goal_id").notNull(),
    title: text("title").notNull(),
    unit: text("unit"),
    direction: text("direction").notNull().default("increase"),
    baselineValue: num("baseline_value"),
    baselinePeriod: text("baseline_period"),
    targetValue: num("target_value"),
    targetPeriod: text("target_period"),
    source: text("source"),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('danish', coalesce(title, '') || ' ' || coalesce(source, ''))`,
    ),
    ...editable(),
  },
  (t) => [
    check("indicators_direction", oneOf("direction", indicatorDirections)),
    index("indicators_search").using("gin", t.search),
    index("indicators_goal").on(t.goalId),
    unique("indicators_organisation_id").on(t.organisationId, t.id),
    sameOrganisation(
      "indicators_goal_id_org_fk",
      [t.organisationId, t.goalId],
      [goals.organisationId, goals.id],
    ).onDelete("cascade"),
  ],
);

export const observations = pgTable(
  "observations",
  {
    id: primaryId(),
    organisationId: organisationId(),
    indicatorId: uuid("indicator_id").notNull(),
    period: text("period").notNull(),
    /** Sort/compute year derived from the period (a school year counts as its end year). */
    year: integer("year").notNull(),
    value: num("value").notNull(),
    /** Empty = the total; otherwise e.g. "køn=kvinder". */
    disaggregation: text("disaggregation").notNull().default(""),
    n: integer("n"),
    footnote: text("footnote"),
    source: text("source"),
    ...editable(),
  },
  (t) => [
    // Also the index of an indicator's observations (its first column): an indicator has a few
    // dozen, sorted in memory, so an index of its own by (indicator, year) cost every write and
    // served no read.
    unique("observations_natural").on(t.indicatorId, t.period, t.disaggregation),
    check("observations_n_nonnegative", sql`n IS NULL OR n >= 0`),
    index("observations_organisation").on(t.organisationId, t.id),
    sameOrganisation(
      "observations_indicator_id_org_fk",
      [t.organisationId, t.indicatorId],
      [indicators.organisationId, indicators.id],
    ).onDelete("cascade"),
  ],
);

export const initiatives = pgTable(
  "initiatives",
  {
    id: primaryId(),
    organisationId: organisationId(),
    policyId: uuid("policy_id").notNull(),
    administrationId: uuid("administration_id"),
    committeeId: uuid("committee_id"),
    title: text("title").notNull(),
    description: text("description"),
    targetGroups: text("target_groups").array().notNull().default(sql`'{}'`),
    equalityGrounds: text("equality_grounds").array().notNull().default(sql`'{}'`),
    partners: text("partners").array().notNull().default(sql`'{}'`),
    fundingStatus: text("funding_status").notNull().default("unknown"),
    status: text("status").notNull().default("unknown"),
    startYear: integer("start_year"),
    endYear: integer("end_year"),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('danish', coalesce(title, '') || ' ' || coalesce(description, ''))`,
    ),
    ...editable(),
  },
  (t) => [
    check("initiatives_funding_status", oneOf("funding_status", fundingStatuses)),
    check("initiatives_status", oneOf("status", initiativeStatuses)),
    check(
      "initiatives_equality_grounds",
      sql.raw(`equality_grounds <@ ARRAY[${equalityGrounds.map((g) => `'${g}'`).join(",")}]::text[]`),
    ),
    index("initiatives_search").using("gin", t.search),
    index("initiatives_policy").on(t.policyId),
    index("initiatives_administration").on(t.administrationId),
    unique("initiatives_organisation_id").on(t.organisationId, t.id),
    sameOrganisation(
      "initiatives_policy_id_org_fk",
      [t.organisationId, t.policyId],
      [policies.organisationId, policies.id],
    ).onDelete("cascade"),
    sameOrganisation(
      "initiatives_administration_id_org_fk",
      [t.organisationId, t.administrationId],
      [administrations.organisationId, administrations.id],
    ),
    sameOrganisation(
      "initiatives_committee_id_org_fk",
      [t.organisationId, t.committeeId],
      [committees.organisationId, committees.id],
    ),
  ],
);

export const initiativeGoals = pgTable(
  "initiative_goals",
  {
    organisationId: organisationId(),
    initiativeId: uuid("initiative_id").notNull(),
    goalId: uuid("goal_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.goalId] }),
    sameOrganisation(
      "initiative_goals_initiative_id_org_fk",
      [t.organisationId, t.initiativeId],
      [initiatives.organisationId, initiatives.id],
    ).onDelete("cascade"),
    sameOrganisation(
      "initiative_goals_goal_id_org_fk",
      [t.organisationId, t.goalId],
      [goals.organisationId, goals.id],
    ).onDelete("cascade"),
  ],
);

export const budgetLines = pgTable(
  "budget_lines",
  {
    id: primaryId(),
    organisationId: organisationId(),
    initiativeId: uuid("initiative_id").notNull(),
    /** Null = the whole period. */
    year: integer("year"),
    amountDkk: bigint("amount_dkk", { mode: "number" }),
    fte: num("fte"),
    fundingStatus: text("funding_status").notNull().default("unknown"),
    label: text("label"),
    ...editable(),
  },
  (t) => [
    check("budget_lines_funding_status", oneOf("funding_status", fundingStatuses)),
    check("budget_lines_fte", sql`fte IS NULL OR fte >= 0`),
    index("budget_lines_initiative").on(t.initiativeId),
    index("budget_lines_organisation").on(t.organisationId, t.id),
    sameOrganisation(
      "budget_lines_initiative_id_org_fk",
      [t.organisationId, t.initiativeId],
      [initiatives.organisationId, initiatives.id],
    ).onDelete("cascade"),
  ],
);

export const annualTargets = pgTable(
  "annual_targets",
  {
    id: primaryId(),
    organisationId: organisationId(),
    initiativeId: uuid("initiative_id").notNull(),
    year: integer("year"),
    /** A yearly target that applies from this year on ("årligt fra 2020"). */
    fromYear: integer("from_year"),
    metric: text("metric").notNull(),
    targetValue: num("target_value"),
    actualValue: num("actual_value"),
    unit: text("unit"),
    ...editable(),
  },
  (t) => [
    index("annual_targets_initiative").on(t.initiativeId),
    index("annual_targets_organisation").on(t.organisationId, t.id),
    sameOrganisation(
      "annual_targets_initiative_id_org_fk",
      [t.organisationId, t.initiativeId],
      [initiatives.organisationId, initiatives.id],
    ).onDelete("cascade"),
  ],
);

export const provenance = pgTable(
  "provenance",
  {
    id: primaryId(),
    organisationId: organisationId(),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    field: text("field").notNull(),
    documentId: uuid("document_id").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    page: integer("page"),
    quote: text("quote").notNull(),
    ...timestamps,
  },
  (t) => [
    check("provenance_span", sql`start >= 0 AND "end" >= start`),
    index("provenance_entity").on(t.entity, t.entityId),
    index("provenance_organisation").on(t.organisationId, t.id),
    sameOrganisation(
      "provenance_document_id_org_fk",
      [t.organisationId, t.documentId],
      [documents.organisationId, documents.id],
    ).onDelete("cascade"),
    // Every portal page reads its sources by the ids it shows, within its organisation.
    index("provenance_organisation_entity").on(t.organisationId, t.entityId),
  ],
);

export const candidates = pgTable(
  "candidates",
  {
    id: primaryId(),
    organisationId: organisationId(),
    documentId: uuid("document_id").notNull(),
    key: text("key").notNull(),
    entity: text("entity").notNull(),
    parentKey: text("parent_key"),
    refs: jsonb("refs").$type<Record<string, string[]>>().notNull().default({}),
    fields: jsonb("fields").$type<Record<string, unknown>>().notNull(),
    confidence: real("confidence").notNull(),
    evidence: jsonb("evidence")
      .$type<{ field: string; start: number; end: number; quote: string; page?: number }[]>()
      .notNull()
      .default([]),
    state: text("state").notNull().default("pending"),
    acceptedEntityId: uuid("accepted_entity_id"),
    reviewedBy: uuid("reviewed_by"),
    reviewedAt: ts("reviewed_at"),
    ...editable(),
  },
  (t) => [
    unique("candidates_document_key").on(t.documentId, t.key),
    check("candidates_state", oneOf("state", candidateStates)),
    check("candidates_confidence", sql`confidence >= 0 AND confidence <= 1`),
    index("candidates_organisation").on(t.organisationId, t.id),
    sameOrganisation(
      "candidates_document_id_org_fk",
      [t.organisationId, t.documentId],
      [documents.organisationId, documents.id],
    ).onDelete("cascade"),
  ],
);

export const users = pgTable(
  "users",
  {
    id: primaryId(),
    organisationId: organisationId().references(() => organisations.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    passwordHash: text("password_hash"),
    disabled: boolean("disabled").notNull().default(false),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: ts("locked_until"),
    lastLoginAt: ts("last_login_at"),
    ...editable(),
  },
  // Users belong to one organisation: the same e-mail may log in to two (as two users).
  (t) => [
    unique("users_org_email").on(t.organisationId, t.email),
    unique("users_organisation_id").on(t.organisationId, t.id),
  ],
);

export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: primaryId(),
    organisationId: organisationId(),
    userId: uuid("user_id").notNull(),
    role: text("role").notNull(),
    /** Reporters are bound to one administration. */
    administrationId: uuid("administration_id"),
    ...editable(),
  },
  (t) => [
    check("role_assignments_role", oneOf("role", roles)),
    check("role_assignments_reporter_admin", sql`role <> 'reporter' OR administration_id IS NOT NULL`),
    unique("role_assignments_unique").on(t.userId, t.role, t.administrationId),
    sameOrganisation(
      "role_assignments_user_id_org_fk",
      [t.organisationId, t.userId],
      [users.organisationId, users.id],
    ).onDelete("cascade"),
    sameOrganisation(
      "role_assignments_administration_id_org_fk",
      [t.organisationId, t.administrationId],
      [administrations.organisationId, administrations.id],
    ),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the session token; the token itself lives only in the cookie. */
    id: text("id").primaryKey(),
    organisationId: organisationId(),
    userId: uuid("user_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [
    index("sessions_user").on(t.userId),
    sameOrganisation(
      "sessions_user_id_org_fk",
      [t.organisationId, t.userId],
      [users.organisationId, users.id],
    ).onDelete("cascade"),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: primaryId(),
    organisationId: organisationId(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
    ...timestamps,
  },
  (t) => [
    sameOrganisation(
      "api_tokens_user_id_org_fk",
      [t.organisationId, t.userId],
      [users.organisationId, users.id],
    ).onDelete("cascade"),
  ],
);

export const loginThrottle = pgTable("login_throttle", {
  /** e-mail or client address the attempts are counted for */
  key: text("key").primaryKey(),
  organisationId: organisationId().references(() => organisations.id),
  windowStart: ts("window_start").notNull().defaultNow(),
  attempts: integer("attempts").notNull().default(0),
});

export const statusRounds = pgTable(
  "status_rounds",
  {
    id: primaryId(),
    organisationId: organisationId(),
    policyId: uuid("policy_id").notNull(),
    kind: text("kind").notNull(),
    period: text("period").notNull(),
    title: text("title"),
    deadline: day("deadline").notNull(),
    state: text("state").notNull().default("draft"),
    reminderDaysBefore: integer("reminder_days_before").notNull().default(5),
    /** When the automatic reminder before the deadline went out (sent once per round). */
    autoReminderSentAt: ts("auto_reminder_sent_at"),
    isExample: boolean("is_example").notNull().default(false),
    openedAt: ts("opened_at"),
    lockedAt: ts("locked_at"),
    ...editable(),
  },
  (t) => [
    check("status_rounds_kind", oneOf("kind", roundKinds)),
    check("status_rounds_state", oneOf("state", roundStates)),
    unique("status_rounds_organisation_id").on(t.organisationId, t.id),
    sameOrganisation(
      "status_rounds_policy_id_org_fk",
      [t.organisationId, t.policyId],
      [policies.organisationId, policies.id],
    ),
  ],
);

export const roundAdministrations = pgTable(
  "round_administrations",
  {
    organisationId: organisationId(),
    roundId: uuid("round_id").notNull(),
    administrationId: uuid("administration_id").notNull(),
    lastReminderAt: ts("last_reminder_at"),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.administrationId] }),
    sameOrganisation(
      "round_administrations_round_id_org_fk",
      [t.organisationId, t.roundId],
      [statusRounds.organisationId, statusRounds.id],
    ).onDelete("cascade"),
    sameOrganisation(
      "round_administrations_administration_id_org_fk",
      [t.organisationId, t.administrationId],
      [administrations.organisationId, administrations.id],
    ),
  ],
);

export const statusReports = pgTable(
  "status_reports",
  {
    id: primaryId(),
    organisationId: organisationId(),
    roundId: uuid("round_id").notNull(),
    initiativeId: uuid("initiative_id"),
    goalId: uuid("goal_id"),
    administrationId: uuid("administration_id").notNull(),
    state: text("state").notNull().default("draft"),
    rating: text("rating"),
    progressPct: integer("progress_pct"),
    narrative: text("narrative"),
    /** The year's numbers: observations, annual-target actuals, spend (DKK, FTE). */
    numbers: jsonb("numbers").$type<Record<string, unknown>>().notNull().default({}),
    returnComment: text("return_comment"),
    authorId: uuid("author_id"),
    submittedAt: ts("submitted_at"),
    reviewedAt: ts("reviewed_at"),
    reviewedBy: uuid("reviewed_by"),
    ...editable(),
  },
  (t) => [
    check("status_reports_subject", sql`(initiative_id IS NULL) <> (goal_id IS NULL)`),
    check("status_reports_state", oneOf("state", reportStates)),
    check("status_reports_rating", sql`rating IS NULL OR ${oneOf("rating", ratings)}`),
    check("status_reports_progress", sql`progress_pct IS NULL OR (progress_pct BETWEEN 0 AND 100)`),
    unique("status_reports_round_initiative").on(t.roundId, t.initiativeId),
    unique("status_reports_round_goal").on(t.roundId, t.goalId),
    index("status_reports_organisation").on(t.organisationId, t.id),
    sameOrganisation(
      "status_reports_round_id_org_fk",
      [t.organisationId, t.roundId],
      [statusRounds.organisationId, statusRounds.id],
    ),
    sameOrganisation(
      "status_reports_initiative_id_org_fk",
      [t.organisationId, t.initiativeId],
      [initiatives.organisationId, initiatives.id],
    ),
    sameOrganisation(
      "status_reports_goal_id_org_fk",
      [t.organisationId, t.goalId],
      [goals.organisationId, goals.id],
    ),
    sameOrganisation(
      "status_reports_administration_id_org_fk",
      [t.organisationId, t.administrationId],
      [administrations.organisationId, administrations.id],
    ),
    sameOrganisation(
      "status_reports_author_id_org_fk",
      [t.organisationId, t.authorId],
      [users.organisationId, users.id],
    ),
    sameOrganisation(
      "status_reports_reviewed_by_org_fk",
      [t.organisationId, t.reviewedBy],
      [users.organisationId, users.id],
    ),
  ],
);

export const inquiries = pgTable(
  "inquiries",
  {
    id: primaryId(),
    organisationId: organisationId().references(() => organisations.id),
    askedBy: text("asked_by").notNull(),
    askedOn: day("asked_on"),
    dueOn: day("due_on"),
    questions: jsonb("questions").$type<string[]>().notNull().default([]),
    administrationId: uuid("administration_id"),
    answer: text("answer"),
    answeredOn: day("answered_on"),
    signedBy: text("signed_by"),
    /** The signatory's position ("Administrerende direktør"). */
    signerTitle: text("signer_title"),
    caseNumber: text("case_number"),
    documentNumber: text("document_number"),
    state: text("state").notNull().default("new"),
    /** The draft's selection: equality grounds, administrations, policies, years. */
    scope: jsonb("scope").$type<Record<string, unknown>>().notNull().default({}),
    approvedAt: ts("approved_at"),
    approvedBy: uuid("approved_by"),
    sentAt: ts("sent_at"),
    documentId: uuid("document_id"),
    ...editable(),
  },
  (t) => [
    check("inquiries_state", oneOf("state", inquiryStates)),
    unique("inquiries_organisation_id").on(t.organisationId, t.id),
    sameOrganisation(
      "inquiries_administration_id_org_fk",
      [t.organisationId, t.administrationId],
      [administrations.organisationId, administrations.id],
    ),
    sameOrganisation(
      "inquiries_approved_by_org_fk",
      [t.organisationId, t.approvedBy],
      [users.organisationId, users.id],
    ),
    sameOrganisation(
      "inquiries_document_id_org_fk",
      [t.organisationId, t.documentId],
      [documents.organisationId, documents.id],
    ),
  ],
);

export const inquiryAdministrations = pgTable(
  "inquiry_administrations",
  {
    organisationId: organisationId(),
    inquiryId: uuid("inquiry_id").notNull(),
    administrationId: uuid("administration_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.inquiryId, t.administrationId] }),
    sameOrganisation(
      "inquiry_administrations_inquiry_id_org_fk",
      [t.organisationId, t.inquiryId],
      [inquiries.organisationId, inquiries.id],
    ).onDelete("cascade"),
    sameOrganisation(
      "inquiry_administrations_administration_id_org_fk",
      [t.organisationId, t.administrationId],
      [administrations.organisationId, administrations.id],
    ),
  ],
);

export const hearings = pgTable(
  "hearings",
  {
    id: primaryId(),
    organisationId: organisationId().references(() => organisations.id),
    policyId: uuid("policy_id"),
    draftDocumentId: uuid("draft_document_id"),
    adoptedDocumentId: uuid("adopted_document_id"),
    title: text("title").notNull(),
    opensOn: day("opens_on"),
    closesOn: day("closes_on"),
    state: text("state").notNull().default("draft"),
    invited: jsonb("invited").$type<string[]>().notNull().default([]),
    ...editable(),
  },
  (t) => [
    check("hearings_state", oneOf("state", hearingStates)),
    check("hearings_period", sql`opens_on IS NULL OR closes_on IS NULL OR opens_on <= closes_on`),
    unique("hearings_organisation_id").on(t.organisationId, t.id),
    sameOrganisation(
      "hearings_policy_id_org_fk",
      [t.organisationId, t.policyId],
      [policies.organisationId, policies.id],
    ),
    sameOrganisation(
      "hearings_draft_document_id_org_fk",
      [t.organisationId, t.draftDocumentId],
      [documents.organisationId, documents.id],
    ),
    sameOrganisation(
      "hearings_adopted_document_id_org_fk",
      [t.organisationId, t.adoptedDocumentId],
      [documents.organisationId, documents.id],
    ),
  ],
);

export const hearingResponses = pgTable(
  "hearing_responses",
  {
    id: primaryId(),
    organisationId: organisationId().references(() => organisations.id),
    hearingId: uuid("hearing_id"),
    policyTitle: text("policy_title"),
    /** The period of the policy under hearing, as the response names it. */
    periodStart: integer("period_start"),
    periodEnd: integer("period_end"),
    respondentKind: text("respondent_kind").notNull().default("committee"),
    fromCommitteeId: uuid("from_committee_id"),
    fromName: text("from_name"),
    addressedTo: text("addressed_to"),
    /** The addressee's position ("borgmester"). */
    addressedToRole: text("addressed_to_role"),
    meetingDate: day("meeting_date"),
    text: text("text"),
    /** Positions per goal or section: [{ section, position, quote }]. */
    positions: jsonb("positions")
      .$type<{ section: string; position?: string; quote?: string }[]>()
      .notNull()
      .default([]),
    goalsChosen: jsonb("goals_chosen").$type<string[]>().notNull().default([]),
    caseNumber: text("case_number"),
    documentNumber: text("document_number"),
    signedBy: text("signed_by"),
    consentToPublishName: boolean("consent_to_publish_name").notNull().default(false),
    /** Where the receipt goes; cleared with the rest of the personal data on erasure. */
    contactEmail: text("contact_email"),
    erasedAt: ts("erased_at"),
    published: boolean("published").notNull().default(false),
    administrationComment: text("administration_comment"),
    attachmentDocumentId: uuid("attachment_document_id"),
    documentId: uuid("document_id"),
    /**
     * Whole seconds: the open-data package writes it in Table Schema's default datetime
     * format (YYYY-MM-DDThh:mm:ssZ), which has no fraction, so it round-trips exactly.
     */
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "string", precision: 0 })
      .notNull()
      .defaultNow(),
    ...editable(),
  },
  (t) => [
    check("hearing_responses_kind", oneOf("respondent_kind", respondentKinds)),
    check(
      "hearing_responses_period",
      sql`period_start IS NULL OR period_end IS NULL OR period_start <= period_end`,
    ),
    index("hearing_responses_organisation").on(t.organisationId, t.id),
    sameOrganisation(
      "hearing_responses_hearing_id_org_fk",
      [t.organisationId, t.hearingId],
      [hearings.organisationId, hearings.id],
    ),
    sameOrganisation(
      "hearing_responses_from_committee_id_org_fk",
      [t.organisationId, t.fromCommitteeId],
      [committees.organisationId, committees.id],
    ),
    sameOrganisation(
      "hearing_responses_attachment_document_id_org_fk",
      [t.organisationId, t.attachmentDocumentId],
      [documents.organisationId, documents.id],
    ),
    sameOrganisation(
      "hearing_responses_document_id_org_fk",
      [t.organisationId, t.documentId],
      [documents.organisationId, documents.id],
    ),
  ],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: primaryId(),
    organisationId: organisationId().references(() => organisations.id),
    at: ts("at").notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_events_at").on(t.organisationId, t.at),
    index("audit_events_entity").on(t.entity, t.entityId),
  ],
);

export const outbox = pgTable("outbox", {
  id: primaryId(),
  organisationId: organisationId().references(() => organisations.id),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  /** What the message is about (reminder, receipt, …), for the log and the outbox file name. */
  kind: text("kind").notNull().default("message"),
  sentAt: ts("sent_at"),
  attempts: integer("attempts").notNull().default(0),
  error: text("error"),
  ...timestamps,
});

export const settings = pgTable(
  "settings",
  {
    organisationId: organisationId().references(() => organisations.id),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
    ...editable(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.key] })],
);
