import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTestApp, loggedInClient } from "../../../../test/app.ts";
import {
  buildGoal,
  buildIndicator,
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../../../../test/factories.ts";
import { observations, outbox, statusReports, statusRounds } from "../../../db/schema.ts";

async function setup() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org, { title: "Ligestillingspolitik" });
  const bifItem = await buildInitiative(org, policy.id, {
    title: "Jobmentor",
    administrationId: org.administrationIds.BIF,
  });
  const sofItem = await buildInitiative(org, policy.id, {
    title: "Rådgivning",
    administrationId: org.administrationIds.SOF,
  });
  const goal = await buildGoal(org, policy.id, {
    text: "Færre hjemløse",
    administrationId: org.administrationIds.SOF,
  });
  const indicator = await buildIndicator(org, goal.id, { title: "Hjemløse unge" });
  const app = await buildTestApp(org);
  const coordinator = await loggedInClient(org, app, "coordinator");
  const bif = await loggedInClient(org, app, "reporter", "BIF");
  const sof = await loggedInClient(org, app, "reporter", "SOF");
  return { org, app, policy, bifItem, sofItem, goal, indicator, coordinator, bif, sof };
}

const nextYear = `${new Date().getUTCFullYear() + 1}-01-31`;

async function openRound(s: Awaited<ReturnType<typeof setup>>) {
  await s.coordinator.get("/admin/runder/ny");
  const res = await s.coordinator.post("/admin/runder/ny", {
    policyId: s.policy.id,
    kind: "annual",
    period: "2025",
    deadline: nextYear,
    administrations: ["BIF", "SOF"],
    reminderDaysBefore: "5",
  });
  expect(res.status).toBe(303);
  const location = res.headers.get("location")!;
  const roundId = /\/admin\/runder\/([0-9a-f-]{36})\?besked=aabnet$/.exec(location)![1]!;
  return roundId;
}

async function reportOf(org: TestOrganisation, initiativeId: string) {
  const [row] = await org.db.select().from(statusReports).where(eq(statusReports.initiativeId, initiativeId));
  return row!;
}

describe("status rounds in the admin", () => {
  it("lets a coordinator open a round with the form, refusing bad input in Danish", async () => {
    const s = await setup();
    await s.coordinator.get("/admin/runder/ny");
    const bad = await s.coordinator.post("/admin/runder/ny", {
      policyId: "",
      kind: "annual",
      period: "",
      deadline: "31.02.2026",
      reminderDaysBefore: "90",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("<title>Fejl: Åbn en statusrunde");
    for (const text of [
      "Vælg en politik.",
      "Skriv perioden, runden gælder, fx 2025.",
      "Vælg mindst én forvaltning, der skal indmelde.",
      "Skriv antal dage før fristen som et helt tal fra 0 til 60.",
    ])
      expect(html).toContain(text);
    expect(html).toMatch(/href="#deadline"/);
    expect(
      await s.org.db.select().from(statusRounds).where(eq(statusRounds.organisationId, s.org.organisationId)),
    ).toHaveLength(0);

    const roundId = await openRound(s);
    const board = await s.coordinator.get(`/admin/runder/${roundId}?besked=aabnet`);
    expect(board.status).toBe(200);
    const page = await board.text();
    expect(page).toContain("Runden er åbnet");
    expect(page).toContain("(BIF)</th>");
    expect(page).toContain("(SOF)</th>");
    expect(page).toContain("Jobmentor");
    expect(page).toContain("Mål: Færre hjemløse");
    expect(page).toContain("Regel:");
    const list = await (await s.coordinator.get("/admin/runder")).text();
    expect(list).toContain("Ligestillingspolitik");
    expect(list).toMatch(/0 af 3/);
  });

  it("lets a reporter save a draft and submit; another administration's item is a 404 by URL and by POST", async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const mine = await reportOf(s.org, s.bifItem.id);
    const theirs = await reportOf(s.org, s.sofItem.id);

    const list = await (await s.bif.get("/admin/indmeldinger")).text();
    expect(list).toContain("Jobmentor");
    expect(list).not.toContain("Rådgivning");

    await s.bif.get(`/admin/indmeldinger/${mine.id}`);
    const saved = await s.bif.post(`/admin/indmeldinger/${mine.id}`, {
      version: String(mine.version),
      rating: "at_risk",
      progressPct: "30",
      spendDkk: "1.250.000",
      fte: "2,5",
      narrative: "Vi er i gang.",
      action: "save",
    });
    expect(saved.status).toBe(303);
    let row = await reportOf(s.org, s.bifItem.id);
    expect(row).toMatchObject({
      state: "draft",
      rating: "at_risk",
      progressPct: 30,
      narrative: "Vi er i gang.",
    });
    expect(row.numbers).toMatchObject({ spendDkk: 1_250_000, fte: 2.5 });

    // Submitting without a rating is refused in Danish.
    const page = await (await s.bif.get(`/admin/indmeldinger/${mine.id}`)).text();
    expect(page).toContain('value="1.250.000"');
    const noRating = await s.bif.post(`/admin/indmeldinger/${mine.id}`, {
      version: String(row.version),
      rating: "",
      action: "submit",
    });
    expect(noRating.status).toBe(400);
    expect(await noRating.text()).toContain("Vælg en vurdering, før du indsender svaret.");

    // Numbers that cannot be read are refused in Danish beside their field, the typed text kept.
    const unread = await s.bif.post(`/admin/indmeldinger/${mine.id}`, {
      version: String(row.version),
      rating: "on_track",
      spendDkk: "mange penge",
      progressPct: "120",
      action: "save",
    });
    expect(unread.status).toBe(400);
    const unreadHtml = await unread.text();
    expect(unreadHtml).toContain("Beløbet &quot;mange penge&quot; kan ikke tolkes som kroner.");
    expect(unreadHtml).toContain("Skriv fremdriften som et helt tal fra 0 til 100.");
    expect(unreadHtml).toContain('value="mange penge"');
    expect(await reportOf(s.org, s.bifItem.id)).toMatchObject({ version: row.version, progressPct: 30 });

    const submitted = await s.bif.post(`/admin/indmeldinger/${mine.id}`, {
      version: String(row.version),
      rating: "on_track",
      progressPct: "40",
      narrative: "120 ledige i mentorforløb.",
      action: "submit",
    });
    expect(submitted.status).toBe(303);
    row = await reportOf(s.org, s.bifItem.id);
    expect(row.state).toBe("submitted");

    // SOF's initiative: not found for a BIF reporter, and a crafted POST changes nothing.
    const peek = await s.bif.get(`/admin/indmeldinger/${theirs.id}`);
    expect(peek.status).toBe(404);
    expect(await peek.text()).toContain("Siden findes ikke");
    await s.bif.get("/admin/indmeldinger");
    const crafted = await s.bif.post(`/admin/indmeldinger/${theirs.id}`, {
      version: "1",
      rating: "off_track",
      narrative: "Indbrud",
      action: "submit",
    });
    expect(crafted.status).toBe(404);
    expect(await reportOf(s.org, s.sofItem.id)).toMatchObject({
      rating: null,
      narrative: null,
      state: "draft",
    });
    // Nor the coordinator's board or downloads.
    expect((await s.bif.get(`/admin/runder/${roundId}`)).status).toBe(404);
    expect((await s.bif.get(`/admin/runder/${roundId}/svar.csv`)).status).toBe(404);
  });

  it("pre-fills a new round's form from the answer to the same initiative in the last round", async () => {
    const s = await setup();
    const first = await openRound(s);
    const mine = await reportOf(s.org, s.bifItem.id);
    await s.bif.get(`/admin/indmeldinger/${mine.id}`);
    await s.bif.post(`/admin/indmeldinger/${mine.id}`, {
      version: "1",
      rating: "at_risk",
      progressPct: "55",
      narrative: "Sidste års beretning",
      action: "submit",
    });
    for (const to of ["in_review", "locked"]) {
      const [round] = await s.org.db.select().from(statusRounds).where(eq(statusRounds.id, first));
      await s.coordinator.get(`/admin/runder/${first}/tilstand?til=${to}`);
      await s.coordinator.post(`/admin/runder/${first}/tilstand`, { version: String(round!.version), to });
    }
    const second = await openRound(s);
    const [next] = await s.org.db
      .select()
      .from(statusReports)
      .where(and(eq(statusReports.roundId, second), eq(statusReports.initiativeId, s.bifItem.id)));
    const form = await (await s.bif.get(`/admin/indmeldinger/${next!.id}`)).text();
    expect(form).toContain("Sidste års beretning</textarea>");
    expect(form).toContain('value="55"');
    expect(form).toMatch(/value="at_risk" checked/);
    // Both rounds are listed for the reporter; the locked one is read-only.
    const list = await (await s.bif.get("/admin/indmeldinger")).text();
    expect(list.match(/Statusrunde 2025/g)?.length).toBeGreaterThanOrEqual(2);
    const old = await (await s.bif.get(`/admin/indmeldinger/${mine.id}`)).text();
    expect(old).toContain("Runden er låst.");
  });

  it("keeps the reporter's values and says so when someone else saved first", async () => {
    const s = await setup();
    await openRound(s);
    const mine = await reportOf(s.org, s.bifItem.id);
    await s.bif.get(`/admin/indmeldinger/${mine.id}`);
    await s.bif.post(`/admin/indmeldinger/${mine.id}`, { version: "1", narrative: "Først", action: "save" });
    await s.bif.get(`/admin/indmeldinger/${mine.id}`);
    const late = await s.bif.post(`/admin/indmeldinger/${mine.id}`, {
      version: "1",
      narrative: "Min udgave",
      action: "save",
    });
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(html).toContain("En anden har gemt først");
    expect(html).toContain("Min udgave</textarea>");
    expect(html).toContain('name="version" value="2"');
    expect((await reportOf(s.org, s.bifItem.id)).narrative).toBe("Først");
  });

  it("returns an answer with a comment; the reporter sees it, corrects and resubmits", async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const mine = await reportOf(s.org, s.bifItem.id);
    await s.bif.get(`/admin/indmeldinger/${mine.id}`);
    await s.bif.post(`/admin/indmeldinger/${mine.id}`, {
      version: "1",
      rating: "on_track",
      narrative: "Første udgave",
      action: "submit",
    });
    const submitted = await reportOf(s.org, s.bifItem.id);

    await s.coordinator.get(`/admin/runder/${roundId}/svar/${mine.id}`);
    expect(s.coordinator.lastHtml).toContain("Første udgave");
    const noComment = await s.coordinator.post(`/admin/runder/${roundId}/svar/${mine.id}/retur`, {
      version: String(submitted.version),
      comment: " ",
    });
    expect(noComment.status).toBe(400);
    expect(await noComment.text()).toContain("Skriv, hvad forvaltningen skal rette.");
    const returned = await s.coordinator.post(`/admin/runder/${roundId}/svar/${mine.id}/retur`, {
      version: String(submitted.version),
      comment: "Angiv forbruget for hele året.",
    });
    expect(returned.status).toBe(303);
    const board = await (await s.coordinator.get(returned.headers.get("location")!)).text();
    expect(board).toContain("Svaret er sendt retur til forvaltningen");

    const form = await (await s.bif.get(`/admin/indmeldinger/${mine.id}`)).text();
    expect(form).toContain("Svaret er sendt retur af koordinatoren");
    expect(form).toContain("Angiv forbruget for hele året.");
    const again = await reportOf(s.org, s.bifItem.id);
    const resubmitted = await s.bif.post(`/admin/indmeldinger/${mine.id}`, {
      version: String(again.version),
      rating: "on_track",
      spendDkk: "1.400.000",
      narrative: "Rettet udgave",
      action: "submit",
    });
    expect(resubmitted.status).toBe(303);
    expect(await reportOf(s.org, s.bifItem.id)).toMatchObject({
      state: "submitted",
      narrative: "Rettet udgave",
    });

    // Approve it.
    const fresh = await reportOf(s.org, s.bifItem.id);
    await s.coordinator.get(`/admin/runder/${roundId}/svar/${mine.id}`);
    const accepted = await s.coordinator.post(`/admin/runder/${roundId}/svar/${mine.id}/godkend`, {
      version: String(fresh.version),
    });
    expect(accepted.status).toBe(303);
    expect((await reportOf(s.org, s.bifItem.id)).state).toBe("accepted");
  });

  it("sends reminders from the board and shows when they went", async () => {
    const s = await setup();
    const roundId = await openRound(s);
    await s.coordinator.get(`/admin/runder/${roundId}`);
    expect(s.coordinator.lastHtml).toContain("Ingen sendt");
    const sent = await s.coordinator.post(`/admin/runder/${roundId}/paamindelse`, {});
    expect(sent.status).toBe(303);
    const board = await (await s.coordinator.get(sent.headers.get("location")!)).text();
    expect(board).toMatch(/Påmindelsen er sendt til 2 indberettere/);
    expect(board).not.toContain("Ingen sendt");
    const mails = await s.org.db.select().from(outbox).where(eq(outbox.organisationId, s.org.organisationId));
    expect(mails).toHaveLength(2);
  });

  it("approving a goal's answer from the board puts the indicator value in the registry", async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const [goalAnswer] = await s.org.db
      .select()
      .from(statusReports)
      .where(eq(statusReports.goalId, s.goal.id));
    await s.sof.get(`/admin/indmeldinger/${goalAnswer!.id}`);
    const submitted = await s.sof.post(`/admin/indmeldinger/${goalAnswer!.id}`, {
      version: "1",
      rating: "on_track",
      [`obs-${s.indicator.id}`]: "63,5",
      [`obs-${s.indicator.id}-n`]: "212",
      action: "submit",
    });
    expect(submitted.status).toBe(303);
    const [fresh] = await s.org.db.select().from(statusReports).where(eq(statusReports.id, goalAnswer!.id));

    const review = await (await s.coordinator.get(`/admin/runder/${roundId}/svar/${fresh!.id}`)).text();
    expect(review).toContain("overføres svarets indikatorværdier til registret som målinger for 2025");
    const accepted = await s.coordinator.post(`/admin/runder/${roundId}/svar/${fresh!.id}/godkend`, {
      version: String(fresh!.version),
    });
    expect(accepted.status).toBe(303);
    expect(await (await s.coordinator.get(accepted.headers.get("location")!)).text()).toContain(
      "dets tal er overført til registret",
    );
    const rows = await s.org.db
      .select()
      .from(observations)
      .where(eq(observations.indicatorId, s.indicator.id));
    expect(rows).toEqual([expect.objectContaining({ period: "2025", value: 63.5, n: 212 })]);
  });

  it("reminds one administration from its row on the board, and only those with answers missing", async () => {
    const s = await setup();
    const roundId = await openRound(s);
    // BIF has submitted its only answer; SOF still has two drafts.
    await s.org.db
      .update(statusReports)
      .set({ state: "submitted", rating: "on_track" })
      .where(eq(statusReports.initiativeId, s.bifItem.id));
    const board = await (await s.coordinator.get(`/admin/runder/${roundId}`)).text();
    const rowButtons = [...board.matchAll(/name="administrationId" value="([0-9a-f-]{36})"/g)].map(
      (m) => m[1],
    );
    expect(rowButtons).toEqual([s.org.administrationIds.SOF]);
    expect(board).toMatch(/Send påmindelse<span class="sr-only"> til [^<]+<\/span>/);

    const sent = await s.coordinator.post(`/admin/runder/${roundId}/paamindelse`, {
      administrationId: s.org.administrationIds.SOF!,
    });
    expect(sent.status).toBe(303);
    expect(await (await s.coordinator.get(sent.headers.get("location")!)).text()).toMatch(
      /Påmindelsen er sendt til 1 indberetter\./,
    );
    const mails = await s.org.db.select().from(outbox).where(eq(outbox.organisationId, s.org.organisationId));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain("2 indmeldinger");

    // An administration outside the round is refused, and nothing is queued.
    const refused = await s.coordinator.post(`/admin/runder/${roundId}/paamindelse`, {
      administrationId: s.org.administrationIds.KFF!,
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("deltager ikke i runden");
    const after = await s.org.db.select().from(outbox).where(eq(outbox.organisationId, s.org.organisationId));
    expect(after).toHaveLength(1);
  });

  it("marks late administrations and answers in words once the deadline has passed", async () => {
    const s = await setup();
    const roundId = await openRound(s);
    await s.org.db.update(statusRounds).set({ deadline: "2020-01-31" }).where(eq(statusRounds.id, roundId));
    const board = await (await s.coordinator.get(`/admin/runder/${roundId}`)).text();
    expect(board).toContain("Fristen er overskredet");
    expect(board).toContain("2 forvaltninger har ikke indsendt alle svar.");
    expect(board.match(/>Forsinket</g)?.length).toBe(2 + 3);
  });

  it("locks a round after confirmation; the reporter's POST is then refused and the form is read-only", async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const mine = await reportOf(s.org, s.bifItem.id);
    for (const to of ["in_review", "locked"]) {
      const confirm = await s.coordinator.get(`/admin/runder/${roundId}/tilstand?til=${to}`);
      expect(confirm.status).toBe(200);
      const [round] = await s.org.db.select().from(statusRounds).where(eq(statusRounds.id, roundId));
      const res = await s.coordinator.post(`/admin/runder/${roundId}/tilstand`, {
        version: String(round!.version),
        to,
      });
      expect(res.status).toBe(303);
    }
    expect((await s.coordinator.get(`/admin/runder/${roundId}/tilstand?til=open`)).status).toBe(409);

    await s.bif.get(`/admin/indmeldinger/${mine.id}`);
    expect(s.bif.lastHtml).toContain("Runden er låst. Svaret kan ikke længere ændres.");
    expect(s.bif.lastHtml).not.toContain(">Indsend<");
    const refused = await s.bif.post(`/admin/indmeldinger/${mine.id}`, {
      version: "1",
      rating: "on_track",
      narrative: "For sent",
      action: "submit",
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Runden er ikke åben for indmeldinger");
    expect(await reportOf(s.org, s.bifItem.id)).toMatchObject({ narrative: null, state: "draft" });
  });

  it("downloads the report as DOCX and HTML and the answers as CSV and XLSX", async () => {
    const s = await setup();
    const roundId = await openRound(s);
    const mine = await reportOf(s.org, s.bifItem.id);
    await s.bif.get(`/admin/indmeldinger/${mine.id}`);
    await s.bif.post(`/admin/indmeldinger/${mine.id}`, {
      version: "1",
      rating: "completed",
      spendDkk: "900.000",
      narrative: "Mentorerne har haft 120 forløb.",
      action: "submit",
    });
    const [goalAnswer] = await s.org.db
      .select()
      .from(statusReports)
      .where(and(eq(statusReports.roundId, roundId), eq(statusReports.goalId, s.goal.id)));
    await s.sof.get(`/admin/indmeldinger/${goalAnswer!.id}`);
    const goalSave = await s.sof.post(`/admin/indmeldinger/${goalAnswer!.id}`, {
      version: "1",
      rating: "on_track",
      [`obs-${s.indicator.id}`]: "3",
      [`obs-${s.indicator.id}-n`]: "3",
      narrative: "Boligsociale tiltag virker.",
      action: "submit",
    });
    expect(goalSave.status).toBe(303);

    const docx = await s.coordinator.get(`/admin/runder/${roundId}/rapport.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))["word/document.xml"]!);
    expect(xml).toContain("Mentorerne har haft 120 forløb.");
    expect(xml).toContain("Boligsociale tiltag virker.");

    const html = await s.coordinator.get(`/admin/runder/${roundId}/rapport.html`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain("Mentorerne har haft 120 forløb.");

    const csv = await s.coordinator.get(`/admin/runder/${roundId}/svar.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("statusrunde-2025-svar.csv");
    const records = parse(await csv.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(records).toHaveLength(3);
    const sofGoal = records.find((r) => r.Type === "Mål")!;
    expect(sofGoal.Indikatorer).toBe("Hjemløse unge 2025: <5");
    expect(records.find((r) => r.Forvaltning === "BIF")!["Forbrug (kr.)"]).toBe("900000");

    const xlsx = await s.coordinator.get(`/admin/runder/${roundId}/svar.xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet("Svar")!;
    expect(sheet.rowCount).toBe(4);
    const texts = [2, 3, 4].map((i) => sheet.getRow(i).getCell(11).value);
    expect(texts).toContain("Mentorerne har haft 120 forløb.");

    // A viewer may read the board and download; a reporter may not.
    const viewer = await loggedInClient(s.org, s.app, "viewer");
    expect((await viewer.get(`/admin/runder/${roundId}`)).status).toBe(200);
    expect(viewer.lastHtml).not.toContain("Send påmindelse");
    expect((await viewer.get(`/admin/runder/${roundId}/rapport.docx`)).status).toBe(200);
    expect((await s.sof.get(`/admin/runder/${roundId}/rapport.docx`)).status).toBe(404);
  });
});
