// A round's answers as CSV (UTF-8 with BOM so Excel reads the Danish letters).
import { stringify } from "csv-stringify/sync";
import { spreadsheetText } from "../domain/spreadsheetText.ts";
import { type RoundAnswerRow, roundAnswerColumns } from "./roundAnswers.ts";

/** A cell starting like a formula is prefixed, so a spreadsheet shows it as text (CSV injection). */
function textCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  return spreadsheetText(value);
}

export function renderRoundAnswersCsv(rows: readonly RoundAnswerRow[]): string {
  const csv = stringify(
    rows.map((r) => roundAnswerColumns.map((c) => textCell(r[c.key]))),
    { header: true, columns: roundAnswerColumns.map((c) => c.header) },
  );
  return `\uFEFF${csv}`;
}
