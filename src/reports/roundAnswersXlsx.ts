// A round's answers as an Excel workbook: one sheet, a header row frozen and
// filterable, numbers as numbers (so sums work), text cells as text.
import ExcelJS from "exceljs";
import { type RoundAnswerRow, roundAnswerColumns } from "./roundAnswers.ts";

export async function renderRoundAnswersXlsx(
  rows: readonly RoundAnswerRow[],
  meta: { title: string; isExample: boolean },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Pejl";
  workbook.title = meta.title;
  const sheet = workbook.addWorksheet("Svar", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = roundAnswerColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // exceljs turns a string starting with "=" into text anyway; formulas only come from {formula}.
    sheet.addRow(Object.fromEntries(roundAnswerColumns.map((c) => [c.key, row[c.key] ?? null])));
  }
  sheet.getColumn("narrative").alignment = { wrapText: true, vertical: "top" };
  sheet.getColumn("spendDkk").numFmt = "#,##0";
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: roundAnswerColumns.length } };
  if (meta.isExample) {
    const note = workbook.addWorksheet("Om data");
    note.addRow(["Eksempeldata: svarene er opdigtede og viser kun, hvordan Pejl virker."]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
