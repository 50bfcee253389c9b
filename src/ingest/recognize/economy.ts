// Economy of committee action plans: tables of activities with cost and funding category, cells
// one per line ("Skolesocialrådgivere 49,2 mio. kr." / "(12,3 mio. kr. årligt frem til 2014)" /
// "Kræver særskilt bevilling."), and "Økonomi" paragraphs under each measure.
import type { FundingStatus } from "../../domain/enums.ts";
import type { Evidence } from "../types.ts";
import { fteOf, yearlyBreakdown } from "./breakdown.ts";
import type { AdministrationCode, CommitteeCode } from "./codes.ts";
import { type Block, cleanTitle, type Doc, isHeadingLike } from "./doc.ts";
import { fundingOf } from "./funding.ts";
import type { Segment } from "./segments.ts";
import type { Sink } from "./sink.ts";
import { type Found, findAmounts } from "./values.ts";

export interface EconomyContext {
  policyKey: string;
  administration: AdministrationCode | null;
  committee: CommitteeCode;
  periodStart: number | null;
  periodEnd: number | null;
  /** Result goals by number, for "NB: Resultatmål 1 og 2 afhænger af bevillingen". */
  resultGoals: Map<number, string>;
}

const TABLE_START = /^(?:aktivitet(?:\s+omkostning(?:er)?\s+finansiering)?|forklaring af farvekoder:?)$/iu;
const NOTE_START =
  /^(?:NB|Kræver|Finansier|Indgår|Ikke\s+(?:beregnet|opgjort)|Midlerne|Satspuljen|Opgøres|Op til|ca\.|\(|\/|[\d]|kr\.)/u;

/** A note under a row: a funding remark, an amount, or a line opening with an administration's code. */
function isNote(doc: Doc, text: string): boolean {
  if (NOTE_START.test(text)) return true;
  const word = /^(\p{Lu}{2,6})\s/u.exec(text);
  return word !== null && doc.units.isAdministrationCode(word[1]!);
}
const AMOUNTISH =
  /^(?:\(?\s*(?:ca\.\s*)?[\d.,]+\s*(?:mio|mill|mia|t\.)?\.?\s*kr|op til\s+[\d.,]+|ikke\s+(?:beregnet|opgjort)|\()/iu;
const TABLE_END =
  /^(?:lige muligheder|løbende|overordnet mål:|økonomi$|indikator|resultatmål|aktiviteter$|\d{1,2}:\s)/iu;
const TOTAL = /^(?:i\s+alt|total|samlet)\b/iu;

interface EconomyRow {
  label: Block;
  labelText: string;
  blocks: Block[];
}

function isCategory(doc: Doc, b: Block, next: Block | undefined): boolean {
  if (b.text.length > 60 || /\d/.test(b.text) || /[.:]$/.test(b.text) || isNote(doc, b.text)) return false;
  if (/^\p{Ll}/u.test(b.text)) return true;
  return (
    next !== undefined &&
    !AMOUNTISH.test(next.text) &&
    !isNote(doc, next.text) &&
    b.text.split(/\s+/).length <= 5
  );
}

function rowsOf(
  doc: Doc,
  from: number,
  to: number,
): { rows: EconomyRow[]; total: Block | null; end: number } {
  const rows: EconomyRow[] = [];
  let total: Block | null = null;
  let i = from;
  for (; i < to; i++) {
    const b = doc.blocks[i]!;
    const next = doc.blocks[i + 1];
    if (TABLE_END.test(b.text)) break;
    if (TABLE_START.test(b.text)) continue;
    if (TOTAL.test(b.text)) {
      total = b;
      continue;
    }
    if (b.text === "/" || /^eller$/i.test(b.text)) {
      // An alternative written under the label ("… / Alternativt …") belongs to the same row.
      const row = rows[rows.length - 1];
      if (row && next) {
        row.blocks.push(b, next);
        i++;
      }
      continue;
    }
    if (!isNote(doc, b.text) && /^\p{Lu}/u.test(b.text) && !isCategory(doc, b, next)) {
      const cut =
        /\s(?:(?:op til\s+)?[\d.,]+\s*(?:mio|mill|mia|t\.)?\.?\s*kr|Ikke\s+(?:beregnet|opgjort))/iu.exec(
          b.text,
        );
      // A label is short; a sentence with an amount in it is a note ("… bidrager med 32.172.000 kr.").
      const inline = cut !== null && cut.index <= 70;
      // Look past an alternative ("… / Alternativt …") for the amount cell.
      let ahead = next;
      if (ahead && (ahead.text === "/" || /^eller$/i.test(ahead.text))) ahead = doc.blocks[i + 3];
      if (
        inline ||
        (ahead && (AMOUNTISH.test(ahead.text) || /^(?:Kræver|Finansier|Indgår)/u.test(ahead.text)))
      ) {
        const labelText = cleanTitle((inline ? b.text.slice(0, cut!.index) : b.text).replace(/\.$/, ""));
        const row: EconomyRow = { label: b, labelText, blocks: [b] };
        // Identical rows printed twice are one activity.
        if (!rows.some((r) => r.labelText === labelText && r.blocks[0]!.text === b.text)) rows.push(row);
        else rows.push({ ...row, labelText: "" });
        continue;
      }
      // A long paragraph ends the table.
      if (b.text.length > 160 && rows.length > 0) break;
    }
    if (isCategory(doc, b, next)) continue;
    rows[rows.length - 1]?.blocks.push(b);
  }
  return { rows, total, end: i };
}

function goalRefs(text: string, ctx: EconomyContext): string[] {
  const refs: string[] = [];
  for (const m of text.matchAll(/resultatmål(?:ene)?,?\s+((?:\d{1,2}(?:\s*,\s*|\s+og\s+|\s+til\s+)?)+)/giu)) {
    const range = /(\d{1,2})\s+til\s+(\d{1,2})/.exec(m[1]!);
    const nums = range
      ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, k) => Number(range[1]) + k)
      : [...m[1]!.matchAll(/\d{1,2}/g)].map((x) => Number(x[0]));
    for (const n of nums) {
      const key = ctx.resultGoals.get(n);
      if (key && !refs.includes(key)) refs.push(key);
    }
  }
  return refs;
}

function emitInitiative(
  sink: Sink,
  ctx: EconomyContext,
  index: number,
  title: string,
  titleAt: { start: number; end: number },
  text: string,
  textStart: number,
  total: Found<number> | null,
  kind: "table" | "paragraph",
): void {
  const evidence: Evidence[] = [sink.ev("title", titleAt.start, titleAt.end)];
  const funding = fundingOf(text, textStart);
  if (funding) evidence.push(sink.ev("funding_status", funding.start, funding.end));
  const refs = goalRefs(text, ctx);
  const key = sink.add({
    entity: "initiative",
    key: `${ctx.policyKey}/initiative:${index}`,
    parentKey: ctx.policyKey,
    ...(refs.length > 0 ? { refs: { goals: refs } } : {}),
    fields: {
      title,
      description: null,
      administration: ctx.administration,
      committee: ctx.committee,
      funding_status: (funding?.status ?? "unknown") as FundingStatus,
      status: null,
      target_groups: [],
      equality_grounds: [],
    },
    confidence: kind === "table" ? 0.8 : 0.7,
    evidence,
  });
  const breakdown = yearlyBreakdown(text, textStart, ctx.periodStart, ctx.periodEnd);
  const sum = breakdown.reduce((a, b) => a + b.amount, 0);
  const consistent = total !== null && breakdown.length > 0 && Math.abs(sum - total.value) < 1;
  const line = (year: number | null, amount: number, at: Found<number>, n: number): void => {
    sink.add({
      entity: "budget_line",
      key: `${key}/budget_line:${year ?? "period"}-${n}`,
      parentKey: key,
      fields: {
        year,
        amount_dkk: amount,
        fte: fteOf(text),
        funding_status: funding?.status ?? "unknown",
        label: title,
      },
      confidence: 0.75,
      evidence: [sink.ev("amount_dkk", at.start, at.end)],
    });
  };
  if (consistent || (total === null && breakdown.length > 0)) {
    breakdown.forEach((b, n) => {
      line(b.year, b.amount, b.found, n + 1);
    });
  } else if (total !== null) {
    line(null, total.value, total, 1);
    if (breakdown.length > 0) {
      sink.warn(
        "budget_total_mismatch",
        `"${title}": beløbene pr. år summerer til ${sum} kr., men i alt står der ${total.value} kr.`,
        total.start,
        total.end,
      );
    }
  }
}

/** Short numbered list items ("3. Styrket målrettet danskuddannelse"): titles of the measures described below. */
function listedTitles(doc: Doc, seg: Segment): string[] {
  const out: string[] = [];
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    const m = /^\d{1,2}[.)]\s+(.{5,70})$/.exec(doc.blocks[i]!.text);
    if (m && m[1]!.split(/\s+/).length <= 8 && !/[.:]$/.test(m[1]!)) out.push(m[1]!.trim());
  }
  return out;
}

function titleFromList(
  doc: Doc,
  at: number,
  seg: Segment,
  titles: readonly string[],
): { text: string; start: number; end: number } | null {
  for (let k = at - 1; k >= Math.max(seg.startBlock, at - 40); k--) {
    const b = doc.blocks[k]!;
    if (/^økonomi$/i.test(b.text)) return null;
    if (/^\d{1,2}[.)]\s/.test(b.text)) continue;
    const t = titles.find((x) => b.text.toLowerCase().startsWith(x.toLowerCase()));
    if (t) return { text: t, start: b.textStart, end: b.textStart + t.length };
  }
  return null;
}

export function recognizeEconomy(doc: Doc, seg: Segment, ctx: EconomyContext, sink: Sink): number {
  let n = 0;
  const titles = listedTitles(doc, seg);
  // Tables of activities.
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    if (!TABLE_START.test(doc.blocks[i]!.text)) continue;
    const { rows, total, end } = rowsOf(doc, i + 1, seg.endBlock);
    const totals: number[] = [];
    for (const row of rows) {
      if (!row.labelText) continue;
      // The row's blocks as one stretch of the normalized text, so offsets stay exact.
      const first = row.blocks[0]!;
      const last = row.blocks[row.blocks.length - 1]!;
      const text = doc.text.slice(first.textStart, last.end).replace(/\n/g, " ");
      const amount =
        findAmounts(text.slice(row.labelText.length), first.textStart + row.labelText.length)[0] ?? null;
      if (amount) totals.push(amount.value);
      const title = row.labelText;
      emitInitiative(
        sink,
        ctx,
        ++n,
        title,
        { start: first.textStart, end: first.textStart + title.length },
        text,
        first.textStart,
        amount,
        "table",
      );
    }
    if (total) {
      const stated = findAmounts(total.text, total.textStart)[0];
      const sum = totals.reduce((a, b) => a + b, 0);
      if (stated && totals.length > 0 && Math.abs(stated.value - sum) >= 1) {
        sink.warn(
          "budget_total_mismatch",
          `Økonomitabellen: aktiviteterne summerer til ${sum} kr., men i alt står der ${stated.value} kr.`,
          stated.start,
          stated.end,
        );
      }
    }
    i = Math.max(i, end - 1);
  }
  // "Økonomi" paragraphs under a measure's own heading.
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    const b = doc.blocks[i]!;
    if (!/^økonomi$/i.test(b.text)) continue;
    const para = doc.blocks[i + 1];
    if (
      !para ||
      i + 1 >= seg.endBlock ||
      TABLE_START.test(para.text) ||
      isHeadingLike(para) ||
      para.text.length < 30
    )
      continue;
    const heading = titleFromList(doc, i, seg, titles) ?? measureHeading(doc, i, seg);
    if (!heading) continue;
    emitInitiative(
      sink,
      ctx,
      ++n,
      heading.text,
      heading,
      para.text,
      para.textStart,
      paragraphTotal(para),
      "paragraph",
    );
  }
  return n;
}

/** The total an economy paragraph states: "koste (i alt) 3 mio. kr.", "2,4 mio. kr. i alt". */
function paragraphTotal(para: Block): Found<number> | null {
  const amounts = findAmounts(para.text, para.textStart);
  const inAll = amounts.find((a) => /^\s*i\s+alt\b/i.test(para.text.slice(a.end - para.textStart)));
  if (inAll) return inAll;
  return (
    amounts.find((a) => {
      const before = para.text.slice(Math.max(0, a.start - para.textStart - 30), a.start - para.textStart);
      const after = para.text.slice(a.end - para.textStart, a.end - para.textStart + 12);
      return (
        /(?:koste|udgør|afsættes|afsat)\s+(?:i\s+alt\s+|ca\.\s+)?$/i.test(before) &&
        !/^\s*(?:om året|årligt|pr\.?\s*år)/i.test(after)
      );
    }) ?? null
  );
}

const TEMPLATE =
  /^(?:resultatmål|indikator(?:er)?|aktiviteter|økonomi|målsætning(?:er)?|udfordringer(?:ne)?|situationen|forslag til|aktivitetsmål|forbehold|kommentar)\b/iu;
const TRAILING_TEMPLATE = /\s+(?:resultatmål|udfordringer|målsætninger?|indikator(?:er)?|aktiviteter)$/iu;

function isTemplate(b: Block | undefined): boolean {
  return b !== undefined && TEMPLATE.test(b.text) && b.text.length <= 60;
}

/**
 * The heading of the measure an "Økonomi" paragraph belongs to: going up, the first heading
 * that opens a section of the template (followed by "Resultatmål", "Udfordringer" …, perhaps
 * after one intro paragraph) and is not itself the text of a template section.
 */
function measureHeading(
  doc: Doc,
  at: number,
  seg: Segment,
): { text: string; start: number; end: number } | null {
  for (let k = at - 1; k >= Math.max(seg.startBlock, at - 40); k--) {
    const b = doc.blocks[k]!;
    if (/^økonomi$/i.test(b.text)) return null;
    if (!isHeadingLike(b, 100) || isTemplate(b) || /^\d{1,2}[:.]?\s/.test(b.text)) continue;
    const prev = doc.blocks[k - 1];
    if (isTemplate(prev) || (prev && TRAILING_TEMPLATE.test(prev.text))) continue;
    const next = doc.blocks[k + 1];
    const after = doc.blocks[k + 2];
    if (
      TRAILING_TEMPLATE.test(b.text) ||
      isTemplate(next) ||
      (next && !isHeadingLike(next) && next.text.length >= 80 && isTemplate(after))
    ) {
      const text = cleanTitle(b.text.replace(TRAILING_TEMPLATE, ""));
      return { text, start: b.textStart, end: b.textStart + text.length };
    }
  }
  return null;
}
