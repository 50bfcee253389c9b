// Annual targets given as a table: a row per initiative (and metric), a column per year, the
// values counts or shares rather than money ("Jobmentorer | Antal kvinder med en mentor | 40 | 60").
import { amountOf, moneyUnit, type Owner, ownerOf } from "./budget-tables.ts";
import { cleanTitle, type Doc } from "./doc.ts";
import type { Sink } from "./sink.ts";
import { columnsOf, type TableView, textBefore, yearColumns } from "./tables.ts";

export function recognizeAnnualTargetTables(
  doc: Doc,
  tables: readonly TableView[],
  owners: readonly Owner[],
  sink: Sink,
): void {
  for (const t of tables) {
    const years = yearColumns(t.header);
    const cols = columnsOf(t.header);
    const metricAt = cols.get("metric") ?? cols.get("indicator") ?? cols.get("goal");
    if (years.length < 2 || metricAt === undefined) continue;
    // Money is a budget, not a target.
    if (moneyUnit(t.header.map((c) => c.text).join(" ")) !== null || moneyUnit(textBefore(doc, t)) !== null)
      continue;
    const titleAt = cols.get("title") ?? (metricAt === 0 ? undefined : 0);
    let last: Owner | null = null;
    t.rows.forEach((row, r) => {
      const label = titleAt !== undefined ? row[titleAt] : undefined;
      // A row without its initiative's name continues the one above (one initiative, several metrics).
      const owner = label?.text ? ownerOf(label.text, owners) : last;
      last = owner;
      const metricCell = row[metricAt];
      if (!owner || !metricCell?.text) return;
      const metric = cleanTitle(metricCell.text);
      const unit = /pct\.?|%|procent/i.test(metric) ? "pct." : "antal";
      for (const { index, year } of years) {
        const cell = row[index];
        const value = cell ? amountOf(cell.text.replace(/\s*(?:%|pct\.?)$/i, "")) : null;
        if (value === null || value === undefined || !cell) continue;
        sink.add({
          entity: "annual_target",
          key: `${owner.key}/annual_target:${year}-${r + 1}`,
          parentKey: owner.key,
          fields: { year, metric, target_value: value, unit },
          confidence: 0.8,
          evidence: [
            sink.ev("metric", metricCell.start, metricCell.end),
            sink.ev("target_value", cell.start, cell.end),
            sink.ev("year", t.header[index]!.start, t.header[index]!.end),
          ],
        });
      }
    });
  }
}
