// Budget tables: a header with the unit ("opgjort i 1000 kr.", "mio. kr.") and the years, then
// rows of a label and one amount per year, and a total row. Rows are read as a stream of words,
// so a table whose rows were wrapped or run together still parses; every amount becomes whole
// DKK, and a total that its rows do not add up to becomes a warning.

import { danishDigits } from "../../domain/danishNumber.ts";
import type { FundingStatus } from "../../domain/enums.ts";
import { cleanTitle, type Doc, jaccard, stems } from "./doc.ts";
import type { Segment } from "./segments.ts";
import type { Sink } from "./sink.ts";

export interface BudgetOwner {
  key: string;
  title: string;
  funding: FundingStatus;
}

interface Token {
  text: string;
  start: number;
  end: number;
  block: number;
}

interface Row {
  label: Token[];
  values: (number | null)[];
  spans: Token[];
}

const UNIT =
  /(?:opgjort\s+i|beløb\s+i|\bi)\s*(1\.?000|mio\.?|mia\.?|t\.)\s*kr\.?|\(\s*(1\.?000|mio\.?|mia\.?|t\.)\s*kr\.?\s*\)/iu;
const VALUE = /^(?:-?\d{1,3}(?:\.\d{3})*(?:,\d+)?|[-–—])$/;
const TOTAL = /^(?:i\s+alt|total|sum|samlet|i\s+alt:)$/i;

function multiplier(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith("mia")) return 1_000_000_000;
  if (u.startsWith("mio")) return 1_000_000;
  return 1_000;
}

function tokens(text: string, offset: number, block: number): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    start: offset + m.index,
    end: offset + m.index + m[0].length,
    block,
  }));
}

function labelText(label: readonly Token[]): string {
  return label.map((t) => t.text).join(" ");
}

/**
 * Of two cuts of a label that name its owner equally well, the better one. Tails that differ only
 * by words the similarity ignores tie: a group heading run into the label ("… social kontrol
 * Forebyggelse af social kontrol") adds a repeated word, and the post's own first word may be
 * one ("Flere …", "Mere …", "Nye …"). A post's name starts with a capital, so a cut there wins;
 * among cuts alike in that, the shorter tail keeps the heading out.
 */
function betterCut(label: readonly Token[], from: number, than: number): boolean {
  const capital = (i: number) => /^\p{Lu}/u.test(label[i]!.text);
  if (capital(from) !== capital(than)) return capital(from);
  return from > than;
}

/** Group headings run into the first row's label; cut the label to the owner's title or the last capitalised phrase. */
function resolveLabel(
  whole: Token[],
  owners: readonly BudgetOwner[],
): { label: Token[]; owner: BudgetOwner | null } {
  // Lines of their own above the row ("Øvrige afsatte midler") are group headings.
  const lastBlock = whole[whole.length - 1]!.block;
  const own = whole.filter((t) => t.block === lastBlock);
  const label = own.length > 0 && /^\p{Lu}/u.test(own[0]!.text) ? own : whole;
  let best: { from: number; owner: BudgetOwner; score: number } | null = null;
  for (let from = 0; from < label.length; from++) {
    const tail = stems(labelText(label.slice(from)));
    for (const owner of owners) {
      const score = jaccard(tail, stems(owner.title));
      if (
        score >= 0.5 &&
        (!best ||
          score > best.score + 1e-9 ||
          (score > best.score - 1e-9 && betterCut(label, from, best.from)))
      )
        best = { from, owner, score };
    }
  }
  if (best) return { label: label.slice(best.from), owner: best.owner };
  for (let i = label.length - 3; i >= 4; i--) {
    if (/^\p{Lu}/u.test(label[i]!.text) && /\p{Ll}$/u.test(label[i - 1]!.text))
      return { label: label.slice(i), owner: null };
  }
  return { label, owner: null };
}

export function recognizeBudgetTables(
  doc: Doc,
  seg: Segment,
  policyKey: string,
  owners: readonly BudgetOwner[],
  sink: Sink,
  /** Blocks of tables already read as tables. */
  skip: (block: number) => boolean = () => false,
): number {
  let lines = 0;
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    if (skip(i)) continue;
    const header = doc.blocks[i]!;
    const unit = UNIT.exec(header.text);
    if (!unit) continue;
    const afterUnit = header.text.slice(unit.index + unit[0].length);
    const yearTokens = [...afterUnit.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)];
    const years = yearTokens.map((m) => Number(m[1]));
    if (years.length < 2 || years.some((y, k) => k > 0 && y !== years[k - 1]! + 1)) continue;
    const mult = multiplier((unit[1] ?? unit[2])!);
    const K = years.length;
    const lastYear = yearTokens[yearTokens.length - 1]!;
    const stream: Token[] = tokens(
      afterUnit.slice(lastYear.index + lastYear[0].length),
      header.textStart + unit.index + unit[0].length + lastYear.index + lastYear[0].length,
      i,
    );
    let k = i + 1;
    for (; k < seg.endBlock && k < i + 60; k++) {
      const b = doc.blocks[k]!;
      if (b.text.length > 400) break;
      stream.push(...tokens(b.text, b.textStart, k));
      if (TOTAL.test(b.text.split(/\s+\d/)[0]!.trim())) break;
    }

    const rows: Row[] = [];
    let totals: Row | null = null;
    let label: Token[] = [];
    for (let t = 0; t < stream.length; t++) {
      const run = stream.slice(t, t + K);
      if (run.length === K && run.every((x) => VALUE.test(x.text)) && label.length > 0) {
        const values = run.map((x) =>
          /^[-–—]$/.test(x.text) ? null : danishDigits(x.text.replace(/^-/, "")),
        );
        const row: Row = { label, values, spans: run };
        if (TOTAL.test(labelText(label))) {
          totals = row;
          break;
        }
        rows.push(row);
        label = [];
        t += K - 1;
        continue;
      }
      label.push(stream[t]!);
      // A long run of words without amounts: the table has ended.
      if (label.length > 30) break;
    }
    if (rows.length === 0) continue;

    const allocated = /afsat|afsatte|bevilget/i.test(
      doc.blocks
        .slice(Math.max(seg.startBlock, i - 3), i + 1)
        .map((b) => b.text)
        .join(" "),
    );
    rows.forEach((row, r) => {
      const resolved = resolveLabel(row.label, owners);
      const text = cleanTitle(labelText(resolved.label));
      const first = resolved.label[0]!;
      const last = resolved.label[resolved.label.length - 1]!;
      const funding: FundingStatus =
        resolved.owner && resolved.owner.funding !== "unknown"
          ? resolved.owner.funding
          : allocated
            ? "funded"
            : "unknown";
      row.values.forEach((v, y) => {
        if (v === null) return;
        const span = row.spans[y]!;
        sink.add({
          entity: "budget_line",
          key: `${resolved.owner?.key ?? policyKey}/budget_line:${years[y]}-${r + 1}`,
          parentKey: resolved.owner?.key ?? policyKey,
          fields: {
            year: years[y],
            amount_dkk: Math.round(v * mult),
            fte: null,
            funding_status: funding,
            label: text,
          },
          confidence: resolved.owner ? 0.85 : 0.65,
          evidence: [
            sink.ev("label", first.start, last.end),
            sink.ev("amount_dkk", span.start, span.end),
            sink.ev("year", header.textStart, header.end),
          ],
        });
        lines++;
      });
    });

    if (totals) {
      years.forEach((year, y) => {
        const total = totals!.values[y];
        if (total === null || total === undefined) return;
        const sum = rows.reduce((acc, row) => acc + (row.values[y] ?? 0), 0);
        if (Math.abs(sum - total) > 1e-6) {
          const span = totals!.spans[y]!;
          sink.warn(
            "budget_total_mismatch",
            `Budgettabellen: rækkerne for ${year} summerer til ${Math.round(sum * mult)} kr., men totalen er ${Math.round(total * mult)} kr.`,
            span.start,
            span.end,
          );
        }
      });
    }
    i = k;
  }
  return lines;
}
