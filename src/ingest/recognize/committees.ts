// Committee action plans (udvalgenes handleplaner): one document with a plan per committee on a
// common template. Plans are found from their titles (in the contents list or on a cover page),
// then the text is cut where talk of one committee gives way to the next.
import type { Evidence } from "../types.ts";
import type { CommitteeCode } from "./codes.ts";
import { cleanTitle, type Doc, isHeadingLike } from "./doc.ts";
import type { Segment } from "./segments.ts";
import type { Sink } from "./sink.ts";
import type { Units } from "./units.ts";
import { findYearRanges, type YearRange } from "./values.ts";

export interface CommitteePlan {
  code: CommitteeCode;
  segment: Segment;
  title: string;
  titleStart: number;
  titleEnd: number;
}

interface Marker {
  code: CommitteeCode;
  block: number;
  toc: boolean;
  title: string;
}

/** "SUNDHEDS- OG OMSORGSUDVALGETS HANDLEPLAN FOR iNTEGRATiONSPOLiTiKKEN" (also cut up on a cover). */
function markers(doc: Doc): Marker[] {
  const out: Marker[] = [];
  for (const b of doc.blocks) {
    if (b.text.length > 200) continue;
    const code = doc.units.committeePlanInCompact(b.text);
    if (!code) continue;
    const toc = /^\d{1,3}\s/.test(b.text);
    const after = /handleplan(.*)$/iu.exec(b.text)?.[1] ?? "";
    // The words after "handleplan", joined again where a cover cut them ("INTEGRATIONS POLITIKKEN").
    const rest = after
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .reduce<string[]>((acc, w) => {
        const prev = acc[acc.length - 1];
        if (
          prev &&
          !/^(?:for|til|af|og|i|om|med|på)$/.test(prev) &&
          !/^(?:for|til|af|og|i|om|med|på)$/.test(w)
        )
          acc[acc.length - 1] = prev + w;
        else acc.push(w);
        return acc;
      }, [])
      .join(" ");
    out.push({
      code,
      block: b.index,
      toc,
      title: cleanTitle(`${doc.units.committeeName(code)}s handleplan ${rest}`),
    });
  }
  return out;
}

function mentionCodes(units: Units, text: string): Map<CommitteeCode, number> {
  const counts = new Map<CommitteeCode, number>();
  const add = (c: CommitteeCode, w: number): void => {
    counts.set(c, (counts.get(c) ?? 0) + w);
  };
  for (const m of units.findCommittees(text)) add(m.code, 1);
  for (const m of units.findAdministrations(text)) {
    const committee = units.committeeOfAdministration(m.code);
    if (committee) add(committee, 1);
  }
  // The area alone ("kultur- og fritidsområdet") is a weaker sign.
  for (const code of units.areaMentions(text)) add(code, 0.5);
  return counts;
}

export function findCommitteePlans(doc: Doc): CommitteePlan[] {
  const found = markers(doc);
  const order: CommitteeCode[] = [];
  for (const m of found) if (!order.includes(m.code)) order.push(m.code);
  if (order.length < 2) return [];
  const title = new Map<CommitteeCode, Marker>();
  // Prefer a title from the contents list, unless it was cut ("… handleplan for").
  const complete = (m: Marker): boolean => !/\s(?:for|til|af|om)$/i.test(m.title);
  for (const m of found) {
    const cur = title.get(m.code);
    if (!cur || (!complete(cur) && complete(m)) || (complete(m) && m.toc && !cur.toc)) title.set(m.code, m);
  }

  // Text before the first plan that is not in the contents list belongs to no plan body.
  const bodyMarkers = found.filter((m) => !m.toc);
  const tocEnd = Math.max(-1, ...found.filter((m) => m.toc).map((m) => m.block));
  const first = Math.max(tocEnd + 1, 0);
  const n = doc.blocks.length;
  const K = order.length;
  const emit: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(K).fill(0);
    if (i >= first) {
      const counts = mentionCodes(doc.units, doc.blocks[i]!.text);
      order.forEach((code, k) => {
        const own = counts.get(code) ?? 0;
        let other = 0;
        for (const [c, w] of counts) if (c !== code && order.includes(c)) other += w;
        row[k] = own > 0 ? Math.min(2, own) : other > 0 ? -0.3 : 0;
      });
      for (const m of bodyMarkers) {
        if (m.block !== i) continue;
        order.forEach((code, k) => {
          row[k] = code === m.code ? 20 : -20;
        });
      }
    }
    emit.push(row);
  }
  // Monotone Viterbi: plans follow the contents order, each once.
  const SWITCH = 3;
  let score = emit[0]!.map((e, k) => (k === 0 ? e : Number.NEGATIVE_INFINITY));
  const back: Int8Array[] = [new Int8Array(K)];
  for (let i = 1; i < n; i++) {
    const next = new Array<number>(K).fill(Number.NEGATIVE_INFINITY);
    const from = new Int8Array(K);
    for (let k = 0; k < K; k++) {
      const stay = score[k]!;
      const adv = k > 0 ? score[k - 1]! - SWITCH : Number.NEGATIVE_INFINITY;
      next[k] = Math.max(stay, adv) + emit[i]![k]!;
      from[k] = adv >= stay ? k - 1 : k;
    }
    back.push(from);
    score = next;
  }
  const path = new Array<number>(n).fill(0);
  let k = K - 1;
  for (let i = n - 1; i >= 0; i--) {
    path[i] = k;
    k = back[i]![k]!;
  }
  const starts = order.map((_, s) => path.indexOf(s));
  if (starts.some((s) => s < 0)) return [];

  // Fine-tune each cut: after the last block about the previous committee, at the first block
  // about the next one, or the heading just above it.
  const mentions = (i: number, code: CommitteeCode): boolean =>
    (mentionCodes(doc.units, doc.blocks[i]!.text).get(code) ?? 0) > 0;
  for (let s = 1; s < K; s++) {
    const prev = order[s - 1]!;
    const code = order[s]!;
    const rough = starts[s]!;
    const lo = Math.max(starts[s - 1]! + 1, rough - 25);
    let last = lo - 1;
    for (let i = lo; i < rough; i++) if (mentions(i, prev)) last = i;
    let cut = rough;
    for (let i = last + 1; i <= Math.min(n - 1, rough + 25); i++) {
      if (mentions(i, code) && !mentions(i, prev)) {
        cut = i > last + 1 && isHeadingLike(doc.blocks[i - 1]!) ? i - 1 : i;
        break;
      }
    }
    if (bodyMarkers.some((m) => m.code === code && m.block < cut && m.block > last)) {
      cut = bodyMarkers.find((m) => m.code === code && m.block > last)!.block;
    }
    starts[s] = Math.max(lo, Math.min(cut, s + 1 < K ? starts[s + 1]! - 1 : n - 1));
  }

  return order.map((code, s) => {
    const startBlock = s === 0 ? first : starts[s]!;
    const endBlock = s + 1 < K ? starts[s + 1]! : n;
    const marker = title.get(code)!;
    const mb = doc.blocks[marker.block]!;
    return {
      code,
      title: marker.title,
      titleStart: mb.textStart,
      titleEnd: mb.end,
      segment: {
        key: `committee:${code}`,
        display: marker.title,
        kind: "action_plan",
        startBlock,
        endBlock,
        start: doc.blocks[startBlock]!.start,
        end: endBlock < n ? doc.blocks[endBlock]!.start : doc.text.length,
        mentions: [],
      },
    };
  });
}

/** The period of the policy the plans belong to: the range written most often next to a policy word. */
export function plansPeriod(doc: Doc): { value: YearRange; start: number; end: number } | null {
  const scores = new Map<string, { n: number; start: number; end: number; value: YearRange }>();
  for (const r of findYearRanges(doc.text)) {
    const before = doc.text.slice(Math.max(0, r.start - 50), r.start);
    const w = /politik|handleplan|integrationsindsats|perioden/i.test(before) ? 2 : 1;
    const k = `${r.value.start}-${r.value.end}`;
    const cur = scores.get(k);
    if (cur) cur.n += w;
    else scores.set(k, { n: w, start: r.start, end: r.end, value: r.value });
  }
  const best = [...scores.values()].sort((a, b) => b.n - a.n)[0];
  return best ?? null;
}

export function recognizeCommitteePlan(
  units: Units,
  plan: CommitteePlan,
  index: number,
  period: ReturnType<typeof plansPeriod>,
  parentTitle: string | null,
  sink: Sink,
): string {
  const evidence: Evidence[] = [
    sink.ev("title", plan.titleStart, plan.titleEnd),
    sink.ev("owner_committee", plan.titleStart, plan.titleEnd),
  ];
  if (period)
    evidence.push(
      sink.ev("period_start", period.start, period.end),
      sink.ev("period_end", period.start, period.end),
    );
  const fields: Record<string, unknown> = {
    title: plan.title,
    kind: "committee_action_plan",
    period_start: period?.value.start ?? null,
    period_end: period?.value.end ?? null,
    owner_administration: units.administrationOfCommittee(plan.code),
    owner_committee: plan.code,
    adopted_on: null,
    follow_up: null,
  };
  if (parentTitle) fields.parent_policy_title = parentTitle;
  return sink.add({
    entity: "policy",
    key: `policy:${index}`,
    fields,
    confidence: 0.85,
    evidence,
  });
}
