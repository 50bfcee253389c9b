// What a person allowed to use a write route sends, and what it must change: for
// every write route of the authorization matrix, a request that is valid for the
// data as it stands (current versions, an item in the state the action needs,
// fresh where the action consumes it) and the tables whose rows must differ after
// it. The matrix sends it for each role the route allows and reads the tables back,
// so an allowed request is shown to have done its work, not only to have answered.
import fs from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { roundOpener } from "../../src/commands/rounds/roundOpener.ts";
import {
  administrations,
  annualTargets,
  candidates,
  committees,
  hearingResponses,
  hearings,
  inquiries,
  organisations,
  roleAssignments,
  settings,
  statusReports,
  users,
} from "../../src/db/schema.ts";
import { DUE_SETTING } from "../../src/domain/settings.ts";
import type { Where, World } from "./world.ts";

export interface Write {
  path: string;
  /** A form's fields (the matrix adds the CSRF token). */
  form?: Record<string, string | string[]>;
  /** Or a body of its own: the API's JSON or document, a multipart upload. */
  body?: BodyInit;
  contentType?: string;
  /** Tables whose rows of the organisation must have changed afterwards. */
  changes: string[];
}

type Plan = (world: World, where: Where, n: number) => Promise<Write>;

const FUTURE = `${new Date().getUTCFullYear() + 1}-06-30`;
let periods = 2030;

async function versionOf(
  world: World,
  table: "hearings" | "hearing_responses" | "status_reports",
  id: string,
) {
  const t = { hearings, hearing_responses: hearingResponses, status_reports: statusReports }[table];
  const [row] = await world.org.db.select({ version: t.version }).from(t).where(eq(t.id, id));
  return String(row!.version);
}

/** A new round over BIF and SOF (open), and its answer for `where`'s administration. */
async function freshRound(world: World, where: Where) {
  const round = await roundOpener(world.staff, {
    policyId: world.ids.policy,
    kind: "annual",
    period: String(periods++),
    deadline: FUTURE,
    administrations: ["BIF", "SOF"],
  });
  const [report] = await world.org.db
    .select()
    .from(statusReports)
    .where(
      and(eq(statusReports.roundId, round.id), eq(statusReports.initiativeId, world.ids.initiative[where])),
    );
  return { round, report: report! };
}

async function freshCandidate(world: World, n: number) {
  const [row] = await world.org.db
    .insert(candidates)
    .values({
      organisationId: world.org.organisationId,
      documentId: world.ids.document,
      key: `policy:matrix-${n}`,
      entity: "policy",
      fields: { title: `Forslag ${n}` },
      confidence: 0.9,
    })
    .returning();
  return row!.id;
}

async function freshUser(world: World, n: number, disabled = false) {
  const { db, organisationId } = world.org;
  const [user] = await db
    .insert(users)
    .values({ organisationId, name: `Bruger ${n}`, email: `bruger-${n}@matrix.example`, disabled })
    .returning();
  await db.insert(roleAssignments).values({ organisationId, userId: user!.id, role: "viewer" });
  return user!.id;
}

async function freshInquiry(world: World, n: number, state: string, answer: string | null = null) {
  const [row] = await world.org.db
    .insert(inquiries)
    .values({
      organisationId: world.org.organisationId,
      askedBy: `Medlem ${n}`,
      questions: ["Hvad er status?"],
      state,
      answer,
    })
    .returning();
  return row!.id;
}

async function freshResponse(world: World, n: number, hearingId: string | null) {
  const [row] = await world.org.db
    .insert(hearingResponses)
    .values({
      organisationId: world.org.organisationId,
      hearingId,
      respondentKind: "citizen",
      fromName: `Borger ${n}`,
      text: `Høringssvar ${n}`,
      documentId: world.ids.document,
    })
    .returning();
  return row!.id;
}

async function freshUnit(world: World, n: number, kind: "administration" | "committee") {
  const table = kind === "administration" ? administrations : committees;
  const [row] = await world.org.db
    .insert(table)
    .values({ organisationId: world.org.organisationId, code: `SL${n}`, name: `Slettes ${n}` })
    .returning();
  return row!.id;
}

async function unitOf(world: World, kind: "administration" | "committee", id: string) {
  const table = kind === "administration" ? administrations : committees;
  const [row] = await world.org.db.select().from(table).where(eq(table.id, id));
  return row!;
}

async function freshTarget(world: World, where: Where, n: number) {
  const [row] = await world.org.db
    .insert(annualTargets)
    .values({
      organisationId: world.org.organisationId,
      initiativeId: world.ids.initiative[where],
      year: 2025,
      metric: `Mål ${n}`,
      targetValue: 10,
    })
    .returning();
  return row!;
}

/** A letter the importer recognizes (an inquiry), made unique so that it is not a duplicate. */
const demoLetter = fs.readFileSync("data/demo/003_139553ee05667919.txt", "utf8");
const letter = (n: number) => `${demoLetter}\n\nBilag nr. ${n} til sagen.\n`;

export const WRITES: Record<string, Plan> = {
  "POST /api/v1/documents": async (_w, _where, n) => ({
    path: `/api/v1/documents?filename=notat-${n}.txt`,
    body: letter(n),
    contentType: "text/plain",
    changes: ["documents"],
  }),
  "POST /api/v1/candidates/review": async (w, _where, n) => ({
    path: "/api/v1/candidates/review",
    body: JSON.stringify({ action: "reject", ids: [await freshCandidate(w, n)] }),
    contentType: "application/json",
    changes: ["candidates"],
  }),
  "POST /admin/import": async (_w, _where, n) => {
    const form = new FormData();
    form.append("file", new File([letter(n)], `notat-${n}.txt`, { type: "text/plain" }));
    return { path: "/admin/import", body: form, changes: ["documents"] };
  },
  "POST /admin/forslag/alle": async (w, _where, n) => {
    await freshCandidate(w, n);
    const [pending] = await w.org.db
      .select({ n: sql<number>`count(*)::int` })
      .from(candidates)
      .where(and(eq(candidates.organisationId, w.org.organisationId), eq(candidates.state, "pending")));
    return {
      path: "/admin/forslag/alle",
      form: { handling: "reject", antal: String(pending!.n) },
      changes: ["candidates"],
    };
  },
  "POST /admin/forslag/:id": async (w, _where, n) => ({
    path: `/admin/forslag/${await freshCandidate(w, n)}`,
    form: { handling: "reject" },
    changes: ["candidates"],
  }),
  "POST /admin/runder/ny": async (w) => ({
    path: "/admin/runder/ny",
    form: {
      policyId: w.ids.policy,
      kind: "annual",
      period: String(periods++),
      deadline: FUTURE,
      administrations: ["BIF", "SOF"],
      reminderDaysBefore: "5",
    },
    changes: ["status_rounds", "status_reports"],
  }),
  "POST /admin/runder/:id/tilstand": async (w, where) => {
    const { round } = await freshRound(w, where);
    return {
      path: `/admin/runder/${round.id}/tilstand`,
      form: { to: "in_review", version: String(round.version) },
      changes: ["status_rounds"],
    };
  },
  "POST /admin/runder/:id/paamindelse": async (w, where) => {
    const { round } = await freshRound(w, where);
    return { path: `/admin/runder/${round.id}/paamindelse`, form: {}, changes: ["outbox"] };
  },
  "POST /admin/runder/:id/svar/:reportId/godkend": async (w, where) => {
    const { round, report } = await freshRound(w, where);
    await w.org.db.update(statusReports).set({ state: "submitted" }).where(eq(statusReports.id, report.id));
    return {
      path: `/admin/runder/${round.id}/svar/${report.id}/godkend`,
      form: { version: String(report.version) },
      changes: ["status_reports"],
    };
  },
  "POST /admin/runder/:id/svar/:reportId/retur": async (w, where) => {
    const { round, report } = await freshRound(w, where);
    await w.org.db.update(statusReports).set({ state: "submitted" }).where(eq(statusReports.id, report.id));
    return {
      path: `/admin/runder/${round.id}/svar/${report.id}/retur`,
      form: { version: String(report.version), comment: "Ret venligst tallene." },
      changes: ["status_reports"],
    };
  },
  "POST /admin/indmeldinger/:id": async (w, where, n) => {
    const id = w.ids.report[where];
    return {
      path: `/admin/indmeldinger/${id}`,
      form: {
        version: await versionOf(w, "status_reports", id),
        rating: "on_track",
        progressPct: String(n % 100),
        narrative: `Svar ${n}`,
        action: "save",
      },
      changes: ["status_reports"],
    };
  },
  "POST /admin/register/:kind/ny": async (w, where, n) => ({
    path: `/admin/register/aarsmaal/ny?under=${w.ids.initiative[where]}`,
    form: { year: "2026", metric: `Samtaler ${n}`, targetValue: "200", actualValue: "", unit: "" },
    changes: ["annual_targets"],
  }),
  "POST /admin/register/:kind/:id": async (w, where, n) => {
    const target = await freshTarget(w, where, n);
    return {
      path: `/admin/register/aarsmaal/${target.id}`,
      form: {
        version: String(target.version),
        year: "2025",
        metric: `Rettet mål ${n}`,
        targetValue: "20",
        actualValue: "",
        unit: "",
      },
      changes: ["annual_targets"],
    };
  },
  "POST /admin/register/:kind/:id/slet": async (w, where, n) => {
    const target = await freshTarget(w, where, n);
    return {
      path: `/admin/register/aarsmaal/${target.id}/slet`,
      form: { version: String(target.version) },
      changes: ["annual_targets"],
    };
  },
  "POST /admin/brugere": async (_w, _where, n) => ({
    path: "/admin/brugere",
    form: { name: `Ny bruger ${n}`, email: `ny-${n}@matrix.example`, role: "viewer" },
    changes: ["users", "role_assignments"],
  }),
  "POST /admin/brugere/:id/rolle": async (w, _where, n) => ({
    path: `/admin/brugere/${await freshUser(w, n)}/rolle`,
    form: { role: "coordinator" },
    changes: ["role_assignments"],
  }),
  "POST /admin/brugere/:id/deaktiver": async (w, _where, n) => ({
    path: `/admin/brugere/${await freshUser(w, n)}/deaktiver`,
    form: {},
    changes: ["users"],
  }),
  "POST /admin/brugere/:id/aktiver": async (w, _where, n) => ({
    path: `/admin/brugere/${await freshUser(w, n, true)}/aktiver`,
    form: {},
    changes: ["users"],
  }),
  "POST /admin/brugere/:id/adgangskode": async (w, _where, n) => ({
    path: `/admin/brugere/${await freshUser(w, n)}/adgangskode`,
    form: {},
    changes: ["users"],
  }),
  "POST /admin/organisation/forvaltninger": async (_w, _where, n) => ({
    path: "/admin/organisation/forvaltninger",
    form: { code: `NY${n}`, name: `Ny forvaltning ${n}` },
    changes: ["administrations"],
  }),
  "POST /admin/organisation/forvaltninger/:id": async (w, where, n) => {
    const unit = await unitOf(w, "administration", w.ids.administration[where]);
    return {
      path: `/admin/organisation/forvaltninger/${unit.id}`,
      form: { code: unit.code, name: `Forvaltning ${n}`, version: String(unit.version) },
      changes: ["administrations"],
    };
  },
  "POST /admin/organisation/forvaltninger/:id/slet": async (w, _where, n) => ({
    path: `/admin/organisation/forvaltninger/${await freshUnit(w, n, "administration")}/slet`,
    form: { version: "1" },
    changes: ["administrations"],
  }),
  "POST /admin/organisation/udvalg": async (_w, _where, n) => ({
    path: "/admin/organisation/udvalg",
    form: { code: `NU${n}`, name: `Nyt udvalg ${n}` },
    changes: ["committees"],
  }),
  "POST /admin/organisation/udvalg/:id": async (w, _where, n) => {
    const unit = await unitOf(w, "committee", w.ids.committee);
    return {
      path: `/admin/organisation/udvalg/${unit.id}`,
      form: { code: unit.code, name: `Udvalg ${n}`, version: String(unit.version) },
      changes: ["committees"],
    };
  },
  "POST /admin/organisation/udvalg/:id/slet": async (w, _where, n) => ({
    path: `/admin/organisation/udvalg/${await freshUnit(w, n, "committee")}/slet`,
    form: { version: "1" },
    changes: ["committees"],
  }),
  "POST /admin/indstillinger": async (w, _where, n) => {
    const [row] = await w.org.db
      .select({ version: settings.version })
      .from(settings)
      .where(and(eq(settings.organisationId, w.org.organisationId), eq(settings.key, DUE_SETTING)));
    return {
      path: "/admin/indstillinger",
      form: { key: DUE_SETTING, value: String(5 + (n % 20)), version: String(row?.version ?? 0) },
      changes: ["settings"],
    };
  },
  "POST /admin/indstillinger/kommunalbestyrelse": async (w, _where, n) => {
    const [row] = await w.org.db
      .select({ version: organisations.version })
      .from(organisations)
      .where(eq(organisations.id, w.org.organisationId));
    return {
      path: "/admin/indstillinger/kommunalbestyrelse",
      form: { councilName: `Byrådet ${n}`, version: String(row!.version) },
      changes: ["organisations"],
    };
  },
  "POST /admin/spoergsmaal/nyt": async (_w, _where, n) => ({
    path: "/admin/spoergsmaal/nyt",
    form: {
      askedBy: `Medlem ${n}`,
      askedOn: "2024-01-01",
      dueOn: "2024-02-01",
      questions: "Hvilke initiativer findes?",
    },
    changes: ["inquiries"],
  }),
  "POST /admin/spoergsmaal/:id/udkast": async (w, _where, n) => ({
    path: `/admin/spoergsmaal/${await freshInquiry(w, n, "new")}/udkast`,
    form: { version: "1", aar: "2024" },
    changes: ["inquiries"],
  }),
  "POST /admin/spoergsmaal/:id/svar": async (w, _where, n) => ({
    path: `/admin/spoergsmaal/${await freshInquiry(w, n, "drafting")}/svar`,
    form: { version: "1", answer: `Svar ${n}` },
    changes: ["inquiries"],
  }),
  "POST /admin/spoergsmaal/:id/godkend": async (w, _where, n) => ({
    path: `/admin/spoergsmaal/${await freshInquiry(w, n, "drafting", "Et svar")}/godkend`,
    form: { version: "1" },
    changes: ["inquiries"],
  }),
  "POST /admin/spoergsmaal/:id/genaabn": async (w, _where, n) => ({
    path: `/admin/spoergsmaal/${await freshInquiry(w, n, "approved", "Et svar")}/genaabn`,
    form: { version: "1" },
    changes: ["inquiries"],
  }),
  "POST /admin/spoergsmaal/:id/sendt": async (w, _where, n) => ({
    path: `/admin/spoergsmaal/${await freshInquiry(w, n, "approved", "Et svar")}/sendt`,
    form: { version: "1", answeredOn: "2024-02-01", signedBy: "Direktøren" },
    changes: ["inquiries"],
  }),
  "POST /admin/hoeringer/ny": async (w, _where, n) => ({
    path: "/admin/hoeringer/ny",
    form: {
      policyId: w.ids.policy,
      draftDocumentId: w.ids.document,
      title: `Høring ${n}`,
      opensOn: "2025-01-01",
      closesOn: "2025-02-01",
      committees: [],
      others: "Handicaprådet",
    },
    changes: ["hearings"],
  }),
  "POST /admin/hoeringer/:id/opdater": async (w) => ({
    path: `/admin/hoeringer/${w.ids.hearing}/opdater`,
    form: { version: await versionOf(w, "hearings", w.ids.hearing) },
    changes: ["hearings"],
  }),
  "POST /admin/hoeringer/:id/tilknyt": async (w, _where, n) => ({
    path: `/admin/hoeringer/${w.ids.hearing}/tilknyt`,
    form: { responseId: await freshResponse(w, n, null) },
    changes: ["hearing_responses"],
  }),
  "POST /admin/hoeringer/:id/svar/ny": async (w, _where, n) => ({
    path: `/admin/hoeringer/${w.ids.hearing}/svar/ny`,
    form: {
      respondentKind: "citizen",
      fromName: `Borger ${n}`,
      text: `Mit svar ${n}`,
      receivedOn: "2023-10-01",
    },
    changes: ["hearing_responses"],
  }),
  "POST /admin/hoeringer/:id/svar/:rid/offentliggoer": async (w, _where, n) => ({
    path: `/admin/hoeringer/${w.ids.hearing}/svar/${await freshResponse(w, n, w.ids.hearing)}/offentliggoer`,
    form: { published: "yes" },
    changes: ["hearing_responses"],
  }),
  "POST /admin/hoeringer/:id/svar/:rid/kommentar": async (w, _where, n) => {
    const rid = await freshResponse(w, n, w.ids.hearing);
    return {
      path: `/admin/hoeringer/${w.ids.hearing}/svar/${rid}/kommentar`,
      form: { version: await versionOf(w, "hearing_responses", rid), comment: `Kommentar ${n}` },
      changes: ["hearing_responses"],
    };
  },
  "POST /admin/hoeringer/:id/svar/:rid/slet-persondata": async (w, _where, n) => ({
    path: `/admin/hoeringer/${w.ids.hearing}/svar/${await freshResponse(w, n, w.ids.hearing)}/slet-persondata`,
    form: { confirm: "yes", reason: "Anmodning" },
    changes: ["hearing_responses"],
  }),
};
