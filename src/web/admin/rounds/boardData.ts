// Everything the board shows, gathered from the queries and the report model.
import type { Context } from "../../../context.ts";
import type { Rating } from "../../../domain/enums.ts";
import { answerCounts } from "../../../domain/roundState.ts";
import { roundAnswers, roundInitiativeGoals } from "../../../queries/rounds/answers.ts";
import { roundBoard } from "../../../queries/rounds/rounds.ts";
import { buildRoundReport } from "../../../reports/roundReportModel.ts";
import type { BoardData } from "./pages/boardPage.tsx";
import { today } from "./pages/controls.tsx";
import { progressRows, ratingRows } from "./pages/rollupSection.tsx";

export async function boardData(ctx: Context, roundId: string): Promise<BoardData> {
  const on = today();
  const { round, rows } = await roundBoard(ctx, roundId, on);
  const [answers, links, report] = await Promise.all([
    roundAnswers(ctx, round.id),
    roundInitiativeGoals(ctx, round.id),
    buildRoundReport(ctx, round.id),
  ]);
  // A rating counts in the roll-up once the administration has submitted it.
  const counted = answers.map((a) => ({
    initiativeId: a.report.initiativeId,
    administrationCode: a.administrationCode,
    rating: answerCounts(a.report.state) ? (a.report.rating as Rating | null) : null,
  }));
  return {
    round,
    policyTitle: report.policyTitle,
    rows,
    answers,
    progress: progressRows(report.themes),
    ratings: ratingRows(counted, links),
    today: on,
  };
}
