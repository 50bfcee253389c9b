import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../test/actors.ts";
import {
  buildGoal,
  buildIndicator,
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  buildTheme,
  withoutReferenceChecks,
} from "../../test/factories.ts";
import { roundOpener } from "../commands/rounds/roundOpener.ts";
import { roundStateChanger } from "../commands/rounds/roundStateChanger.ts";
import { statusReportSaver } from "../commands/rounds/statusReportSaver.ts";
import { budgetLines, initiatives, observations } from "../db/schema.ts";
import { formatDanishDate, todayInDenmark } from "../domain/danishDate.ts";
import { roundAnswers } from "../queries/rounds/answers.ts";
import { roundReport } from "./roundReport.ts";

async function lockedRound() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org, { title: "Politik for lige muligheder" });
  const theme = await buildTheme(org, policy.id, 1, "Job og uddannelse");
  const goal = await buildGoal(org, policy.id, { themeId: theme.id, text: "Flere i job" });
  const indicator = await buildIndicator(org, goal.id, { title: "Beskæftigelsesfrekvens" });
  await org.db.insert(observations).values([
    {
      organisationId: org.organisationId,
      indicatorId: indicator.id,
      period: "2019",
      year: 2019,
      value: 62,
      n: 1200,
    },
    {
      organisationId: org.organisationId,
      indicatorId: indicator.id,
      period: "2021",
      year: 2021,
      value: 66,
      n: 1300,
    },
    {
      organisationId: org.organisationId,
      indicatorId: indicator.id,
      period: "2022",
      year: 2022,
      value: 97.5,
      n: 3,
    },
  ]);
  const mentor = await buildInitiative(org, policy.id, {
    title: "Jobmentor",
    administrationId: org.administrationIds.BIF,
  });
  await org.db.insert(budgetLines).values([
    { organisationId: org.organisationId, initiativeId: mentor.id, year: 2025, amountDkk: 2_400_000, fte: 3 },
    { organisationId: org.organisationId, initiativeId: mentor.id, year: 2026, amountDkk: 9_900_000 },
  ]);
  await buildInitiative(org, policy.id, {
    title: "Rådgivning <b>for</b> alle",
    administrationId: org.administrationIds.SOF,
    fundingStatus: "requires_separate_funding",
  });
  const coordinator = await buildActor(org, "coordinator");
  const round = await roundOpener(coordinator.ctx, {
    policyId: policy.id,
    kind: "annual",
    period: "2025",
    deadline: "2026-01-31",
    administrations: ["BIF", "SOF"],
  });
  for (const [code, narrative] of [
    ["BIF", "BIF har haft 120 deltagere i jobmentorforløb."],
    ["SOF", "SOF afventer bevilling <script>x</script>."],
  ] as const) {
    const reporter = await buildActor(org, "reporter", code);
    const [answer] = await roundAnswers(reporter.ctx, round.id);
    await statusReportSaver(reporter.ctx, {
      id: answer!.report.id,
      version: 1,
      rating: code === "BIF" ? "on_track" : "paused_awaiting_funding",
      narrative,
      numbers: { spendDkk: 500_000, fte: 1.5 },
      submit: true,
    });
  }
  const inReview = await roundStateChanger(coordinator.ctx, {
    id: round.id,
    version: round.version,
    to: "in_review",
  });
  await roundStateChanger(coordinator.ctx, { id: round.id, version: inReview.version, to: "locked" });
  return { org, round, coordinator };
}

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"]!);
/** The document's text and pictures, without the ids docx draws at random for each image. */
const content = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  const text = [...documentXml(bytes).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
  const media = Object.entries(files)
    .filter(([name]) => name.startsWith("word/media/"))
    .map(([, data]) => Buffer.from(data).toString("base64"))
    .sort();
  return { text, media };
};

describe("committee report", () => {
  it("contains every administration's answers, the chart as a picture, and suppresses small counts", async () => {
    const { round, coordinator } = await lockedRound();
    const { bytes } = await roundReport(coordinator.ctx, round.id, "docx");
    const files = unzipSync(bytes);
    const xml = documentXml(bytes);
    expect(xml).toContain("BIF har haft 120 deltagere i jobmentorforløb.");
    expect(xml).toContain("SOF afventer bevilling &lt;script&gt;x&lt;/script&gt;.");
    expect(xml).toContain("Bilag: BIF");
    expect(xml).toContain("Bilag: SOF");
    expect(xml).toContain("Tema 1: Job og uddannelse");
    expect(xml).toContain("Rådgivning &lt;b&gt;for&lt;/b&gt; alle");
    expect(xml).not.toContain("97,5");
    expect(xml).toContain("&lt;5");
    expect(Object.keys(files).some((f) => f.startsWith("word/media/") && f.endsWith(".png"))).toBe(true);
  });

  it("gives the same content when a locked round's report is generated again", async () => {
    const { round, coordinator } = await lockedRound();
    const first = await roundReport(coordinator.ctx, round.id, "docx");
    const second = await roundReport(coordinator.ctx, round.id, "docx");
    expect(content(second.bytes)).toEqual(content(first.bytes));
    expect(content(first.bytes).text).toContain("BIF har haft 120 deltagere");
    const html1 = (await roundReport(coordinator.ctx, round.id, "html")).bytes.toString("utf8");
    const html2 = (await roundReport(coordinator.ctx, round.id, "html")).bytes.toString("utf8");
    expect(html2).toBe(html1);
    expect(html1).toContain("SOF afventer bevilling &lt;script&gt;x&lt;/script&gt;.");
    expect(html1).toContain("<svg");
  });

  it("leaves out the content of answers that are still drafts", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "Politik for lige muligheder" });
    await buildInitiative(org, policy.id, {
      title: "Jobmentor",
      administrationId: org.administrationIds.BIF,
    });
    const coordinator = await buildActor(org, "coordinator");
    const round = await roundOpener(coordinator.ctx, {
      policyId: policy.id,
      kind: "annual",
      period: "2025",
      deadline: "2026-01-31",
      administrations: ["BIF"],
    });
    const reporter = await buildActor(org, "reporter", "BIF");
    const [answer] = await roundAnswers(reporter.ctx, round.id);
    await statusReportSaver(reporter.ctx, {
      id: answer!.report.id,
      version: 1,
      rating: "off_track",
      narrative: "Halvfærdig tekst, som ikke er indsendt.",
      numbers: { spendDkk: 123_456, fte: 2 },
    });
    const html = (await roundReport(coordinator.ctx, round.id, "html")).bytes.toString("utf8");
    expect(html).toContain("Jobmentor");
    expect(html).not.toContain("Halvfærdig tekst");
    expect(html).not.toContain("123.456");
    expect(html).not.toContain("Følger ikke planen");
  });

  it("is not available to a reporter as a whole-round document", async () => {
    const { org, round } = await lockedRound();
    const reporter = await buildActor(org, "reporter", "BIF");
    await expect(roundReport(reporter.ctx, round.id, "html")).rejects.toMatchObject({ id: "not_found" });
  });

  it("is titled for the committee, dated the day it was made, with money per administration and a running header and page numbers", async () => {
    const { org, round, coordinator } = await lockedRound();
    // Another organisation's row naming this organisation's initiative never counts.
    const elsewhere = await buildOrganisation(org.db);
    const [mentor] = await org.db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(and(eq(initiatives.organisationId, org.organisationId), eq(initiatives.title, "Jobmentor")));
    // The schema refuses such a row; written with its reference checks off, as data no key checked.
    await withoutReferenceChecks(org.db, (db) =>
      db.insert(budgetLines).values({
        organisationId: elsewhere.organisationId,
        initiativeId: mentor!.id,
        year: 2025,
        amountDkk: 7_000_000,
        fte: 40,
      }),
    );
    const { bytes } = await roundReport(coordinator.ctx, round.id, "docx");
    const files = unzipSync(bytes);
    const { text } = content(bytes);
    expect(text).toContain("Årlig status 2025 for Politik for lige muligheder");
    expect(text).not.toContain("statusrunde for");
    // Locked today: the report speaks for that day, not for the deadline (31 January 2026).
    expect(text).toContain(`Status pr. ${formatDanishDate(todayInDenmark())}`);
    expect(text).not.toContain("Status pr. 31. januar 2026");
    expect(text).toContain("Økonomi efter forvaltning, 2025");
    const money = text.slice(
      text.indexOf("Økonomi efter forvaltning"),
      text.indexOf("Indmeldinger efter vurdering"),
    );
    expect(money.split("\n")).toEqual(
      expect.arrayContaining([
        "BIF – Beskæftigelses- og Integrationsforvaltningen",
        "2,4 mio. kr.",
        "3 årsværk",
      ]),
    );
    expect(money).toContain("500.000 kr.");
    expect(money).toContain("1,5 årsværk");
    expect(money).toContain("ikke registreret"); // SOF has no planned budget
    expect(money).toContain("I alt");
    expect(money).not.toContain("9,9 mio.");
    expect(money).not.toContain("9,4 mio."); // 2,4 mio. plus the other organisation's 7 mio.
    const header = Object.entries(files).find(([n]) => /^word\/header\d*\.xml$/.test(n));
    expect(strFromU8(header![1])).toContain("Årlig status 2025 for Politik for lige muligheder");
    const footers = Object.entries(files)
      .filter(([n]) => /^word\/footer\d*\.xml$/.test(n))
      .map(([, d]) => strFromU8(d));
    expect(footers.some((f) => f.includes("PAGE") && f.includes("NUMPAGES") && f.includes("Side "))).toBe(
      true,
    );
    const html = (await roundReport(coordinator.ctx, round.id, "html")).bytes.toString("utf8");
    expect(html).toContain("Økonomi efter forvaltning, 2025");
  });
});
