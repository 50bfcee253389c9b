import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../test/actors.ts";
import {
  buildGoal,
  buildIndicator,
  buildInitiative,
  buildOrganisation,
  buildPolicy,
} from "../../test/factories.ts";
import { roundOpener } from "../commands/rounds/roundOpener.ts";
import { statusReportSaver } from "../commands/rounds/statusReportSaver.ts";
import { roundAnswers } from "../queries/rounds/answers.ts";
import { roundAnswerRows } from "./roundAnswers.ts";
import { renderRoundAnswersCsv } from "./roundAnswersCsv.ts";
import { renderRoundAnswersXlsx } from "./roundAnswersXlsx.ts";

async function answeredRound() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org);
  await buildInitiative(org, policy.id, { title: "Jobmentor", administrationId: org.administrationIds.BIF });
  const goal = await buildGoal(org, policy.id, {
    text: "Færre hjemløse",
    administrationId: org.administrationIds.SOF,
  });
  const indicator = await buildIndicator(org, goal.id, { title: "Hjemløse unge" });
  const coordinator = await buildActor(org, "coordinator");
  const round = await roundOpener(coordinator.ctx, {
    policyId: policy.id,
    kind: "annual",
    period: "2025",
    deadline: "2026-01-31",
    administrations: ["BIF", "SOF"],
  });
  const bif = await buildActor(org, "reporter", "BIF");
  const sof = await buildActor(org, "reporter", "SOF");
  const [mine] = await roundAnswers(bif.ctx, round.id);
  await statusReportSaver(bif.ctx, {
    id: mine!.report.id,
    version: mine!.report.version,
    rating: "at_risk",
    progressPct: 40,
    narrative: "=SUM(A1) mentorforløb for 120 ledige",
    numbers: { spendDkk: 1_250_000, fte: 2.5 },
    submit: true,
  });
  const [theirs] = await roundAnswers(sof.ctx, round.id);
  await statusReportSaver(sof.ctx, {
    id: theirs!.report.id,
    version: theirs!.report.version,
    rating: "on_track",
    narrative: "Flere boliger",
    numbers: {
      observations: [
        { indicatorId: indicator.id, period: "2025", value: 3, n: 3 },
        { indicatorId: indicator.id, period: "2024", value: 40, n: 40 },
      ],
    },
  });
  return { org, round, coordinator, bif };
}

describe("round answers export", () => {
  it("writes one CSV row per answer with Danish labels, suppressing small counts and defusing formulas", async () => {
    const { round, coordinator } = await answeredRound();
    const { rows } = await roundAnswerRows(coordinator.ctx, round.id);
    const records = parse(renderRoundAnswersCsv(rows), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    expect(records).toHaveLength(2);
    const bif = records.find((r) => r.Forvaltning === "BIF")!;
    expect(bif).toMatchObject({
      Type: "Initiativ",
      "Initiativ eller mål": "Jobmentor",
      Status: "Indsendt",
      Vurdering: "I risiko",
      "Fremdrift (%)": "40",
      "Forbrug (kr.)": "1250000",
      Årsværk: "2.5",
    });
    expect(bif.Beretning).toBe("'=SUM(A1) mentorforløb for 120 ledige");
    const sof = records.find((r) => r.Forvaltning === "SOF")!;
    expect(sof.Status).toBe("Kladde");
    expect(sof.Indikatorer).toBe("Hjemløse unge 2025: <5; Hjemløse unge 2024: 40");
  });

  it("writes an XLSX workbook that reads back with numbers as numbers", async () => {
    const { round, coordinator } = await answeredRound();
    const { rows } = await roundAnswerRows(coordinator.ctx, round.id);
    const bytes = await renderRoundAnswersXlsx(rows, { title: "Status 2025", isExample: false });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.getWorksheet("Svar")!;
    expect(sheet.rowCount).toBe(3);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(["Forvaltning", "Type", "Initiativ eller mål", "Status", "Vurdering"]);
    const bif = [2, 3].map((i) => sheet.getRow(i)).find((r) => r.getCell(1).value === "BIF")!;
    expect(bif.getCell(3).value).toBe("Jobmentor");
    expect(bif.getCell(7).value).toBe(1_250_000);
    expect(bif.getCell(8).value).toBe(2.5);
    expect(bif.getCell(11).value).toBe("=SUM(A1) mentorforløb for 120 ledige");
  });

  it("is not given to a reporter, who may read only their own administration's answers", async () => {
    const { round, bif } = await answeredRound();
    await expect(roundAnswerRows(bif.ctx, round.id)).rejects.toMatchObject({ id: "not_found" });
  });
});
