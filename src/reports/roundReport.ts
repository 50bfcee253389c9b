// The committee report of a status round, in the format asked for.
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { renderRoundReportDocx } from "./roundReportDocx.ts";
import { renderRoundReportHtml } from "./roundReportHtml.tsx";
import { buildRoundReport } from "./roundReportModel.ts";

export type ReportFormat = "docx" | "html";

export async function roundReport(ctx: Context, roundId: string, format: ReportFormat, threshold?: number) {
  // The report holds every administration's answers: only who may read them all gets it.
  authorize(ctx.actor, "read", { entity: "statusReport", administrationId: null }, { hidden: true });
  const model = await buildRoundReport(ctx, roundId, threshold);
  if (format === "html") return { model, bytes: Buffer.from(await renderRoundReportHtml(model), "utf8") };
  return { model, bytes: await renderRoundReportDocx(model) };
}
