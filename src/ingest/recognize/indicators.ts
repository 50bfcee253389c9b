// Indicators with their baselines, read from overview tables, and the responsible committees
// per goal. Cells that lost their columns are matched by order and wording.

import { matchInOrder, partitionInOrder } from "./align.ts";
import type { CommitteeCode } from "./codes.ts";
import { type Direction, directionInText, directionOf } from "./direction.ts";
import { overlap, stems } from "./doc.ts";
import type { Cell, OverviewTable } from "./overview.ts";
import { type Found, findMeasure, findPeriods, type Measured } from "./values.ts";

export interface Baseline {
  value: Found<Measured> | null;
  period: Found<string> | null;
  cell: Cell;
}

export interface IndicatorRow {
  cell: Cell;
  /** Index into table.goals. */
  goal: number;
  baseline: Baseline | null;
  direction: Direction | null;
  targetPeriod: Found<string> | null;
}

export interface TableReading {
  indicators: IndicatorRow[];
  /** Committee codes per goal (index into table.goals), with where they were read. */
  committees: { code: CommitteeCode; start: number; end: number }[][];
}

function shared(a: string, b: string): number {
  const sa = stems(a);
  const sb = stems(b);
  let n = 0;
  for (const x of sa) if (sb.has(x)) n++;
  return n + 0.1 * overlap(sa, sb);
}

/** Split a cell holding several statements ("… i 2017 29 pct. af børnene …"). */
function statements(cell: Cell): Cell[] {
  // Only a cell of statements that each open with their figure: "35 pct. af … i 2017 29 pct. af …".
  if (!/^\s*\d/.test(cell.text)) return [cell];
  const out: Cell[] = [];
  const re = /(?<=(?:(?:19|20)\d{2}(?:\/\d{2})?|\)|\.))\s+(?=\d{1,3}(?:[.,]\d+)?\s*(?:pct\.|%))/g;
  let last = 0;
  for (const m of cell.text.matchAll(re)) {
    out.push(sub(cell, last, m.index));
    last = m.index + m[0].length;
  }
  out.push(sub(cell, last, cell.text.length));
  return out.filter((c) => c.text.trim().length > 0);
}

function sub(cell: Cell, from: number, to: number): Cell {
  return { text: cell.text.slice(from, to), start: cell.start + from, end: cell.start + to };
}

/** The measured value of a baseline statement and the period closest to it. */
export function readBaseline(cell: Cell): Baseline {
  const text = cell.text;
  let value: Found<Measured> | null = null;
  // A value after a verb ("er 56 pct.", "udgjorde 56 pct.", "var 57.000") wins over numbers that
  // only define the indicator ("… hvor der er 30 pct. almene boliger …").
  const verbRe = /(?:\b(?:er|var|udgør|udgjorde|på)\s+(?:(?:i\s+)?(?:19|20)\d{2}\s+)?|^)(?=\d)/gu;
  const starts = [...text.matchAll(verbRe)].map((m) => m.index + m[0].length);
  const leading = /^\s*\d/.test(text);
  const order = leading ? [0, ...starts] : starts.length > 0 ? [starts[starts.length - 1]!] : [];
  for (const at of order) {
    const m = findMeasure(text.slice(at), cell.start + at, true);
    if (m && m.start - cell.start - at <= 2) {
      value = m;
      break;
    }
  }
  value ??= findMeasure(text, cell.start, true);
  if (value && value.value.unit === "antal" && /^\s*Antal(?:let)? af\s+\p{L}+/iu.test(text)) {
    if (
      /(?:børn|unge|personer|borgere|indbyggere|deltagere|elever|ledige|kvinder|(?!tidligere|senere)\p{L}{5,}ere(?!\p{L}))/iu.test(
        text.slice(0, value.start - cell.start),
      )
    ) {
      value = { ...value, value: { ...value.value, unit: "personer" } };
    }
  }
  let period: Found<string> | null = null;
  const range = /((?:19|20)\d{2})\s*[-–]\s*(?:\p{L}+\s+)?((?:19|20)\d{2})/u.exec(text);
  if (range) {
    period = {
      value: `${range[1]}-${range[2]}`,
      start: cell.start + range.index,
      end: cell.start + range.index + range[0].length,
      quote: range[0],
    };
  } else {
    const periods = findPeriods(text, cell.start);
    if (value) {
      const v = value;
      periods.sort((a, b) => Math.abs(a.start - v.start) - Math.abs(b.start - v.start));
    }
    period = periods[0] ?? null;
  }
  return { value, period, cell };
}

/**
 * Read one table: indicators under their goals, baselines under their indicators, committees per
 * goal. `context`: the policy's text, whose sentences of intent may give an indicator's direction.
 */
export function readTable(table: OverviewTable, context = ""): TableReading {
  const goals = table.goals.map((g) => g.cell.text);
  const inds = table.indicators;
  // Cells without any figure are notes on the previous one ("Opgjort for almenelever").
  let baseCells = table.baselines.filter((c) => /\d/.test(c.text));
  if (baseCells.length < inds.length) baseCells = baseCells.flatMap(statements);

  // Baselines → indicators.
  const baseFor: (Baseline | null)[] = inds.map(() => null);
  if (baseCells.length === inds.length) {
    baseCells.forEach((c, i) => {
      baseFor[i] = readBaseline(c);
    });
  } else {
    // A cell goes only to an indicator it fits nearly as well as its best one (notes that repeat
    // a neighbour's words stay unmatched).
    const sims = inds.map((ind) => baseCells.map((c) => shared(ind.text, c.text)));
    const bestOf = baseCells.map((_, j) => Math.max(...sims.map((row) => row[j]!)));
    const match = matchInOrder(
      inds.length,
      baseCells.length,
      (i, j) => (sims[i]![j]! >= 0.6 * bestOf[j]! ? sims[i]![j]! : 0),
      2,
    );
    match.forEach((j, i) => {
      if (j >= 0) baseFor[i] = readBaseline(baseCells[j]!);
    });
  }

  // Indicators → goals.
  let goalOf: number[];
  if (inds.length === goals.length) goalOf = inds.map((_, i) => i);
  else {
    goalOf =
      partitionInOrder(inds.length, goals.length, (i, g) =>
        shared(`${inds[i]!.text} ${baseFor[i]?.cell.text ?? ""}`, goals[g]!),
      ) ?? inds.map(() => -1);
  }

  const indicators: IndicatorRow[] = inds.map((cell, i) => {
    const goalText = goals[goalOf[i]!] ?? "";
    const target = /\b[iI]\s+((?:19|20)\d{2})\b/.exec(cell.text);
    const targetPeriod: Found<string> | null =
      target && /skal|er .* i (?:19|20)\d{2}|mindre|færre|flere/.test(cell.text)
        ? {
            value: target[1]!,
            start: cell.start + target.index + 2,
            end: cell.start + target.index + target[0].length,
            quote: target[1]!,
          }
        : null;
    return {
      cell,
      goal: goalOf[i]!,
      baseline: baseFor[i] ?? null,
      direction: indicatorDirection(cell.text, goalText, context),
      targetPeriod,
    };
  });

  // Committees → goals: by cell when the cells match the goals, else by indicator.
  const committees: TableReading["committees"] = goals.map(() => []);
  const cells = table.committees.filter((c) => c.codes.length > 0);
  const names = cells.flatMap((c) => c.codes);
  const add = (g: number, c: { code: CommitteeCode; start: number; end: number }): void => {
    const list = committees[g];
    if (list && !list.some((x) => x.code === c.code)) list.push(c);
  };
  if (cells.length === goals.length) {
    cells.forEach((c, g) => {
      for (const x of c.codes) add(g, x);
    });
  } else if (names.length === inds.length) {
    names.forEach((x, i) => {
      add(goalOf[i]!, x);
    });
  } else if (names.length === goals.length) {
    names.forEach((x, g) => {
      add(g, x);
    });
  } else if (goals.length === 1) {
    for (const x of names) add(0, x);
  }
  return { indicators, committees };
}

/**
 * An indicator's own words first, then what the policy's text wants for the thing it counts,
 * then its goal's direction when the goal is about the same thing.
 */
export function indicatorDirection(indicator: string, goal: string, context: string): Direction | null {
  return (
    directionOf(indicator) ??
    directionInText(indicator, context) ??
    (overlap(stems(indicator), stems(goal)) > 0 ? directionOf(goal) : null)
  );
}
