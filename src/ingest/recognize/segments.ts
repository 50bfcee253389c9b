// One file may hold several policies and action plans back to back. Each is found by its name
// ("handicappolitikken", "Integrationshandleplan 2019-22") and the stretch of text where that
// name dominates; the boundaries then move back to the section start (cover, "Indledning").
import { type Doc, isCaps, isHeadingLike } from "./doc.ts";
import { type Found, findYearRanges, type YearRange } from "./values.ts";

export interface NameMention {
  key: string;
  /** As written, without inflection: "LGBTI+ politik", "Integrationspolitik". */
  display: string;
  start: number;
  end: number;
  block: number;
}

export interface Segment {
  key: string;
  display: string;
  kind: "policy" | "action_plan";
  startBlock: number;
  /** Exclusive. */
  endBlock: number;
  start: number;
  end: number;
  mentions: NameMention[];
}

const TYPE = "(?:politik|handleplan|strategi)";
const INFLECTION = "(?:kens|ken|kerne|kernes|ker|ens|en|erne|ernes|er)?";
const WORD_NAME = new RegExp(
  `(?<![\\p{L}+-])((?:\\p{L}+-\\s+og\\s+)?\\p{L}{2,}?${TYPE})${INFLECTION}(?![\\p{L}])`,
  "gu",
);
// "Handleplan for lige adgang 2025-2026", "Politik for Udsatte Byområder".
const FOR_NAME =
  /(?<![\p{L}])((?:handleplan|politik|strategi)(?:en)?\s+for\s+(?:[\p{L}+-]+\s+){0,4}?[\p{L}+-]+)(?=\s+(?:19|20)\d{2}|\s*[.,:;”"]|\s*$)/giu;
const BARE_NAME = new RegExp(`(?<![\\p{L}])(${TYPE})${INFLECTION}(?![\\p{L}])`, "giu");
const ACRONYM_NAME = new RegExp(
  `(?<![\\p{L}])(\\p{Lu}{2,8}\\+?)[\\s-]+(${TYPE})${INFLECTION}(?![\\p{L}])`,
  "gu",
);

function keyOf(display: string): string {
  return display.toLowerCase().replace(/-\s+/g, "- ").replace(/\s+/g, " ");
}

/** Names of policies and plans in the text (not the bare words "politik", "handleplan"). */
export function findNames(doc: Doc): NameMention[] {
  const out: NameMention[] = [];
  for (const block of doc.blocks) {
    if (!/politik|handleplan|strategi/i.test(block.text)) continue;
    for (const m of block.text.matchAll(WORD_NAME)) {
      const display = m[1]!;
      if (/^(?:politik|handleplan|strategi)$/i.test(display)) continue;
      const start = block.textStart + m.index;
      out.push({ key: keyOf(display), display, start, end: start + m[0].length, block: block.index });
    }
    for (const m of block.text.matchAll(ACRONYM_NAME)) {
      const display = `${m[1]} ${m[2]}`;
      const start = block.textStart + m.index;
      out.push({ key: keyOf(display), display, start, end: start + m[0].length, block: block.index });
    }
    for (const m of block.text.matchAll(FOR_NAME)) {
      const display = m[1]!.replace(/^(\p{L}+?)en(\s)/u, "$1$2");
      const start = block.textStart + m.index;
      out.push({
        key: keyOf(display.charAt(0).toUpperCase() + display.slice(1)),
        display,
        start,
        end: start + m[1]!.length,
        block: block.index,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A mention that names a document: with its period, a quoted title, or standing as a heading. */
function isTitleMention(doc: Doc, m: NameMention): boolean {
  const block = doc.blocks[m.block]!;
  const after = doc.text.slice(m.end, m.end + 16);
  if (/^\s*(?:for\s+)?(?:perioden\s+)?(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2}/.test(after)) return true;
  if (/^\s*[”"“]/.test(after)) return true;
  return isHeadingLike(block) && block.text.length <= m.end - m.start + 30;
}

const SECTION_START = /^(?:indledning|introduktion|forord|forside|baggrund|resumé|sammenfatning|indhold)$/i;

/** Split the document into policy segments; empty when no policy is named. */
export function findSegments(doc: Doc): Segment[] {
  const mentions = findNames(doc);
  const byKey = new Map<string, NameMention[]>();
  for (const m of mentions) {
    const list = byKey.get(m.key);
    if (list) list.push(m);
    else byKey.set(m.key, [m]);
  }
  // A document's name: used at least twice and once as a title, or standing as the first heading.
  const firstHeading = doc.blocks.findIndex((b) => isHeadingLike(b, 120));
  const keys = [...byKey.entries()]
    .filter(
      ([, list]) =>
        (list.length >= 2 && list.some((m) => isTitleMention(doc, m))) ||
        list.some((m) => m.block === firstHeading && isTitleMention(doc, m)),
    )
    .map(([key]) => key);
  if (keys.length === 0) return [];
  if (keys.length === 1) {
    // The only document named: "handleplanen", "politikken" alone refer to it too.
    const key = keys[0]!;
    const list = byKey.get(key)!;
    const type = /handleplan/i.test(key) ? "handleplan" : /politik/i.test(key) ? "politik" : "strategi";
    for (const block of doc.blocks) {
      if (!block.text.toLowerCase().includes(type)) continue;
      for (const m of block.text.matchAll(BARE_NAME)) {
        if (m[1]!.toLowerCase() !== type) continue;
        const start = block.textStart + m.index;
        if (mentions.some((o) => o.start <= start && o.end > start)) continue;
        const mention = {
          key,
          display: list[0]!.display,
          start,
          end: start + m[0].length,
          block: block.index,
        };
        list.push(mention);
        mentions.push(mention);
      }
    }
    list.sort((a, b) => a.start - b.start);
  }

  // Viterbi over blocks: stay with a name while it is mentioned, switch when another dominates.
  const n = doc.blocks.length;
  const K = keys.length;
  const mentionAt: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (const m of mentions) {
    const k = keys.indexOf(m.key);
    if (k >= 0) mentionAt[m.block]!.add(k);
  }
  const SWITCH = 4;
  let score = new Array<number>(K).fill(0);
  const back: Int16Array[] = [];
  for (let i = 0; i < n; i++) {
    const here = mentionAt[i]!;
    const next = new Array<number>(K).fill(Number.NEGATIVE_INFINITY);
    const from = new Int16Array(K);
    for (let k = 0; k < K; k++) {
      const emit = here.has(k) ? 1 : here.size > 0 ? -0.5 : 0;
      let sw = Number.NEGATIVE_INFINITY;
      let swFrom = k;
      for (let j = 0; j < K; j++) {
        if (j !== k && score[j]! - SWITCH > sw) {
          sw = score[j]! - SWITCH;
          swFrom = j;
        }
      }
      // On a tie, switch as late as possible: right where the new name first appears.
      if (sw >= score[k]!) {
        next[k] = sw + emit;
        from[k] = swFrom;
      } else {
        next[k] = score[k]! + emit;
        from[k] = k;
      }
    }
    back.push(from);
    score = next;
  }
  const path = new Array<number>(n).fill(0);
  let best = 0;
  for (let k = 1; k < K; k++) if (score[k]! > score[best]!) best = k;
  for (let i = n - 1; i >= 0; i--) {
    path[i] = best;
    best = back[i]![best]!;
  }

  // Runs of the same name; a name that comes back keeps only its longest run.
  let runs: { k: number; startBlock: number; endBlock: number }[] = [];
  for (let i = 0; i < n; i++) {
    const last = runs[runs.length - 1];
    if (last && last.k === path[i]) last.endBlock = i + 1;
    else runs.push({ k: path[i]!, startBlock: i, endBlock: i + 1 });
  }
  const longest = new Map<number, number>();
  runs.forEach((r, idx) => {
    const cur = longest.get(r.k);
    if (cur === undefined || runs[cur]!.endBlock - runs[cur]!.startBlock < r.endBlock - r.startBlock)
      longest.set(r.k, idx);
  });
  const merged: typeof runs = [];
  runs.forEach((r, idx) => {
    if (longest.get(r.k) === idx || merged.length === 0) merged.push({ ...r });
    else merged[merged.length - 1]!.endBlock = r.endBlock;
  });
  runs = merged;

  // Move each boundary back to the section start: a cover in capitals or "Indledning".
  for (let r = 1; r < runs.length; r++) {
    const prevKey = runs[r - 1]!.k;
    const at = runs[r]!.startBlock;
    let cut = at;
    for (let i = at - 1; i >= Math.max(runs[r - 1]!.startBlock + 1, at - 8); i--) {
      if (mentionAt[i]!.has(prevKey)) break;
      const b = doc.blocks[i]!;
      if (
        SECTION_START.test(b.text.trim()) ||
        (isCaps(b.text) && b.text.split(/\s+/).length >= 2 && !/^\d/.test(b.text))
      ) {
        cut = i;
      }
    }
    runs[r - 1]!.endBlock = cut;
    runs[r]!.startBlock = cut;
  }

  return runs
    .filter((r) => r.endBlock > r.startBlock)
    .map((r) => {
      const key = keys[r.k]!;
      const own = byKey.get(key)!.filter((m) => m.block >= r.startBlock && m.block < r.endBlock);
      const display = mostCommonDisplay(own.length > 0 ? own : byKey.get(key)!);
      return {
        key,
        display,
        kind: /handleplan/i.test(key) ? ("action_plan" as const) : ("policy" as const),
        startBlock: r.startBlock,
        endBlock: r.endBlock,
        start: doc.blocks[r.startBlock]!.start,
        end: r.endBlock < doc.blocks.length ? doc.blocks[r.endBlock]!.start : doc.text.length,
        mentions: own,
      };
    });
}

function mostCommonDisplay(list: readonly NameMention[]): string {
  const counts = new Map<string, number>();
  for (const m of list) {
    // Prefer the capitalised form a title uses.
    const d = m.display.charAt(0).toUpperCase() + m.display.slice(1);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The period a segment's name is written with most often ("Integrationspolitik 2019-22"). */
export function segmentPeriod(doc: Doc, seg: Segment): Found<YearRange> | null {
  const found: Found<YearRange>[] = [];
  for (const m of seg.mentions) {
    const near = findYearRanges(doc.text.slice(m.end, m.end + 24), m.end).filter(
      (r) => r.start - m.end <= 14 && !/[.!?]/.test(doc.text.slice(m.end, r.start)),
    );
    if (near[0]) found.push(near[0]);
  }
  if (found.length === 0) return null;
  const counts = new Map<string, { n: number; first: Found<YearRange> }>();
  for (const f of found) {
    const k = `${f.value.start}-${f.value.end}`;
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { n: 1, first: f });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]!.first;
}
