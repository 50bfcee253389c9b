// Initiative tables: a row per initiative, the columns found by their header words (title,
// description, responsible administration or committee, target group, funding, period). The
// responsible unit is read with the organisation's own names and codes.
import type { Evidence } from "../types.ts";
import { cleanTitle, type Doc } from "./doc.ts";
import { fundingOf, fundingOfCell } from "./funding.ts";
import { firstHits } from "./grounds.ts";
import type { InitiativeFound } from "./initiatives.ts";
import type { Sink } from "./sink.ts";
import { type Column, columnsOf, type TableView, yearColumns } from "./tables.ts";
import { findYearRanges } from "./values.ts";

const DETAIL: Column[] = ["description", "responsible", "target_group", "funding", "period"];
const TOTAL = /^(?:i\s+alt|total|sum|samlet)\b/i;

/** A table of initiatives: a title column and at least one column about them, no year columns. */
export function isInitiativeTable(t: TableView): boolean {
  const cols = columnsOf(t.header);
  return (
    cols.has("title") &&
    DETAIL.some((c) => cols.has(c)) &&
    !cols.has("indicator") &&
    yearColumns(t.header).length === 0
  );
}

/** The responsible unit named in a cell: an administration, or the administration of a committee. */
function responsible(
  doc: Doc,
  text: string,
): { administration: string | null; committee: string | null; start: number; end: number } | null {
  const admin = doc.units.findAdministrations(text)[0];
  const committee = doc.units.findCommittees(text)[0];
  if (admin)
    return {
      administration: admin.code,
      committee: committee?.code ?? null,
      start: admin.start,
      end: admin.end,
    };
  if (committee)
    return {
      administration: doc.units.administrationOfCommittee(committee.code),
      committee: committee.code,
      start: committee.start,
      end: committee.end,
    };
  return null;
}

export function recognizeInitiativeTables(
  doc: Doc,
  tables: readonly TableView[],
  policyKey: string,
  sink: Sink,
  startIndex: number,
): InitiativeFound[] {
  const found: InitiativeFound[] = [];
  for (const t of tables) {
    if (!isInitiativeTable(t)) continue;
    const cols = columnsOf(t.header);
    const cell = (row: (typeof t.rows)[number], c: Column) => {
      const i = cols.get(c);
      return i === undefined ? undefined : row[i];
    };
    for (const row of t.rows) {
      const titleCell = cell(row, "title");
      const title = cleanTitle(titleCell?.text ?? "");
      if (!titleCell || title.length < 3 || TOTAL.test(title)) continue;
      const evidence: Evidence[] = [sink.ev("title", titleCell.start, titleCell.end)];
      const desc = cell(row, "description");
      if (desc?.text) evidence.push(sink.ev("description", desc.start, desc.end));

      const resp = cell(row, "responsible");
      const unit = resp ? responsible(doc, resp.text) : null;
      if (resp && unit)
        evidence.push(sink.ev("administration", resp.start + unit.start, resp.start + unit.end));

      const money = cell(row, "funding");
      const funding =
        (money ? fundingOfCell(money.text, money.start) : null) ??
        (desc ? fundingOf(desc.text, desc.start) : null);
      if (funding) evidence.push(sink.ev("funding_status", funding.start, funding.end));

      const target = cell(row, "target_group");
      if (target?.text) evidence.push(sink.ev("target_groups", target.start, target.end));

      const periodCell = cell(row, "period");
      const range = periodCell ? findYearRanges(periodCell.text, periodCell.start)[0] : undefined;
      const single = periodCell && !range ? /(?:19|20)\d{2}/.exec(periodCell.text) : null;
      const fields: Record<string, unknown> = {
        title,
        description: desc?.text || null,
        administration: unit?.administration ?? null,
        committee: unit?.committee ?? null,
        funding_status: funding?.status ?? "unknown",
        status: null,
        target_groups: target?.text ? [target.text] : [],
        equality_grounds: firstHits(`${title} ${desc?.text ?? ""}`).map((g) => g.ground),
      };
      if (range) {
        fields.start_year = range.value.start;
        fields.end_year = range.value.end;
        evidence.push(
          sink.ev("start_year", range.start, range.end),
          sink.ev("end_year", range.start, range.end),
        );
      } else if (single && periodCell) {
        fields.start_year = Number(single[0]);
        evidence.push(
          sink.ev("start_year", periodCell.start + single.index, periodCell.start + single.index + 4),
        );
      }
      const key = sink.add({
        entity: "initiative",
        key: `${policyKey}/initiative:${startIndex + found.length + 1}`,
        parentKey: policyKey,
        fields,
        confidence: 0.7 + (unit ? 0.15 : 0) + (funding ? 0.05 : 0),
        evidence,
      });
      found.push({ key, title });
    }
  }
  return found;
}
