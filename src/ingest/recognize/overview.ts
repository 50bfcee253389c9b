// Overview tables of goals, indicators, baselines and responsible committees. PDF extraction
// gives them row by row with a label in front ("Mål 4. …", "Indikator …", "Baseline …",
// "Udvalg …") and the columns as blank-line separated cells; Word, HTML and Markdown give real
// tables with a header row (tables.ts). Cells are put back together by their order and by what
// they say.
import type { CommitteeCode } from "./codes.ts";
import { type Block, type Doc, isHeadingLike } from "./doc.ts";
import type { Segment } from "./segments.ts";
import { columnsOf, type TableView } from "./tables.ts";
import type { Units } from "./units.ts";

export interface Cell {
  text: string;
  start: number;
  end: number;
}

export interface CommitteeCell {
  codes: { code: CommitteeCode; start: number; end: number }[];
}

export interface OverviewTable {
  /** "Pejlemærke <title>" above the table, when given. */
  title: Cell | null;
  goals: { number: number | null; cell: Cell }[];
  indicators: Cell[];
  baselines: Cell[];
  committees: CommitteeCell[];
}

type Row = "goals" | "indicators" | "baselines" | "committees";
const LABELS: [Row, RegExp][] = [
  ["goals", /^(?:Mål|Målsætning(?:er)?)\s+(?=\S)/u],
  ["indicators", /^Indikator(?:er)?\s+(?=\S)/u],
  ["baselines", /^(?:Baseline|Udgangspunkt|Nulpunkt)\s+(?=\S)/u],
  ["committees", /^(?:Ansvarligt\s+udvalg|Ansvarlige\s+udvalg|Udvalg)\s+(?=\S)/u],
];

function onlyCommittees(units: Units, text: string): boolean {
  const found = units.findCommittees(text);
  if (found.length === 0) return false;
  let rest = text;
  for (const f of [...found].reverse()) rest = rest.slice(0, f.start) + rest.slice(f.end);
  return rest.replace(/[\s,;/&og]+/g, "") === "";
}

function committeeCell(units: Units, block: Block, from: number): CommitteeCell {
  return {
    codes: units.findCommittees(block.text.slice(from)).map((c) => ({
      code: c.code,
      start: block.textStart + from + c.start,
      end: block.textStart + from + c.end,
    })),
  };
}

/** Tables laid out as labelled rows, as PDF extraction gives them. */
function labelledTables(doc: Doc, seg: Segment): OverviewTable[] {
  const tables: OverviewTable[] = [];
  let table: OverviewTable | null = null;
  let row: Row | null = null;
  const close = (): void => {
    if (table && table.goals.length > 0 && table.indicators.length > 0) tables.push(table);
    table = null;
    row = null;
  };
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    const b = doc.blocks[i]!;
    const title = /^Pejlemærke\s+(?!\d)(.{5,})$/u.exec(b.text);
    if (title && !b.bullet) {
      close();
      const at = b.textStart + b.text.indexOf(title[1]!);
      table = {
        title: { text: title[1]!, start: at, end: at + title[1]!.length },
        goals: [],
        indicators: [],
        baselines: [],
        committees: [],
      };
      continue;
    }
    const label = LABELS.find(([, re]) => re.test(b.text));
    if (label && !b.bullet) {
      if (!table || (label[0] === "goals" && row !== null)) {
        close();
        table = { title: null, goals: [], indicators: [], baselines: [], committees: [] };
      }
      row = label[0];
      const cut = label[1].exec(b.text)![0].length;
      addCell(doc.units, table, row, b, cut, true);
      continue;
    }
    if (!table || !row) continue;
    const t: OverviewTable = table;
    if (row === "committees") {
      if (onlyCommittees(doc.units, b.text)) {
        if (b.paraBefore || t.committees.length === 0) t.committees.push(committeeCell(doc.units, b, 0));
        else t.committees[t.committees.length - 1]!.codes.push(...committeeCell(doc.units, b, 0).codes);
        continue;
      }
      close();
      continue;
    }
    if (row === "goals" && !/^\d{1,2}[.)]\s/.test(b.text) && b.paraBefore) {
      close();
      continue;
    }
    if (isHeadingLike(b, 40) && /^(?:Indledning|Oversigt)/.test(b.text)) {
      close();
      continue;
    }
    addCell(doc.units, t, row, b, 0, b.paraBefore || (row === "goals" && /^\d{1,2}[.)]\s/.test(b.text)));
  }
  close();
  return tables;
}

function addCell(
  units: Units,
  table: OverviewTable,
  row: Row,
  b: Block,
  from: number,
  newCell: boolean,
): void {
  const text = b.text.slice(from);
  const cell: Cell = { text, start: b.textStart + from, end: b.end };
  if (row === "committees") {
    table.committees.push(committeeCell(units, b, from));
    return;
  }
  if (row === "goals") {
    const m = /^(\d{1,2})[.)]\s+/.exec(text);
    if (!m && !newCell && table.goals.length > 0) {
      extend(table.goals[table.goals.length - 1]!.cell, cell);
      return;
    }
    table.goals.push({
      number: m ? Number(m[1]) : null,
      cell: m ? { text: text.slice(m[0].length), start: cell.start + m[0].length, end: cell.end } : cell,
    });
    return;
  }
  const list = row === "indicators" ? table.indicators : table.baselines;
  if (!newCell && list.length > 0) extend(list[list.length - 1]!, cell);
  else list.push(cell);
}

function extend(cell: Cell, more: Cell): void {
  cell.text = `${cell.text} ${more.text}`;
  cell.end = more.end;
}

/** Tables with a header row naming the columns (goal, indicator, baseline, committee). */
function headedTables(doc: Doc, tables: readonly TableView[]): OverviewTable[] {
  const out: OverviewTable[] = [];
  for (const view of tables) {
    const cols = columnsOf(view.header);
    const gi = cols.get("goal") ?? cols.get("metric");
    const ii = cols.get("indicator");
    if (gi === undefined || ii === undefined) continue;
    const bi = cols.get("baseline");
    const ci = cols.get("responsible");
    const table: OverviewTable = { title: null, goals: [], indicators: [], baselines: [], committees: [] };
    for (const cells of view.rows) {
      const goal = cells[gi];
      const ind = cells[ii];
      if (!goal || !ind?.text) continue;
      const m = /^(?:mål\s+)?(\d{1,2})[.):]?\s+/i.exec(goal.text);
      // A goal spanning several indicator rows is written once, in its first row.
      if (goal.text) {
        table.goals.push({
          number: m ? Number(m[1]) : null,
          cell: m ? { ...goal, text: goal.text.slice(m[0].length), start: goal.start + m[0].length } : goal,
        });
      }
      table.indicators.push(ind);
      const base = bi !== undefined ? cells[bi] : undefined;
      table.baselines.push(base ?? { text: "", start: ind.start, end: ind.start });
      const com = ci !== undefined ? cells[ci] : undefined;
      table.committees.push(
        com
          ? {
              codes: doc.units.findCommittees(com.text).map((c) => ({
                code: c.code,
                start: com.start + c.start,
                end: com.start + c.end,
              })),
            }
          : { codes: [] },
      );
    }
    if (table.goals.length > 0) out.push(table);
  }
  return out;
}

export function findOverviewTables(doc: Doc, seg: Segment, tables: readonly TableView[]): OverviewTable[] {
  return [...labelledTables(doc, seg), ...headedTables(doc, tables)];
}
