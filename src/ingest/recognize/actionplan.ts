// Measures (indsatser) of an action plan: listed with their yearly amount ("• Fritidsjob til
// unge (1,6 mio. kr.)"), then each in its own section with annual targets ("Årlige mål") and
// economy ("Økonomi: Der er med indsatsen afsat 1,6 mio. kr. årligt").

import { danishDigits } from "../../domain/danishNumber.ts";
import type { Evidence } from "../types.ts";
import { type Block, cleanTitle, type Doc, isHeadingLike, jaccard, stems } from "./doc.ts";
import { fundingOf } from "./funding.ts";
import { firstHits } from "./grounds.ts";
import { targetGroups } from "./initiatives.ts";
import { firstSentence } from "./result-goals.ts";
import type { Segment } from "./segments.ts";
import type { Sink } from "./sink.ts";
import { findAmounts } from "./values.ts";

export interface Measure {
  key: string;
  title: string;
  /** Yearly amount from the list, in DKK. */
  yearly: number | null;
}

const LISTED = /^(.{6,140}?)\s*\(\s*([\d.,]+\s*(?:mio\.?|mia\.?|t\.)?\s*kr\.?)\s*\)\s*$/iu;
const TARGETS_HEADING = /^(?:årlige\s+mål|årlige\s+måltal|mål\s+for\s+indsatsen|succeskriterier)\s*:?$/iu;
const ECONOMY_HEADING = /^økonomi\s*:?$/iu;

/** "Minimum 350 ledige københavnere deltager i indsatsen årligt" → value, unit, year. */
export function parseAnnualTarget(
  text: string,
): { value: number; unit: string; year: number | null; fromYear: number | null } | null {
  const m = /(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(pct\.?|%|procent)?\s*([^\d]*)/iu.exec(text);
  if (!m) return null;
  if (!m[2] && /^(?:19|20)\d{2}$/.test(m[1]!)) {
    // "I 2019 gennemføres kortlægningen": a year, not a target value; try the next number.
    const rest = text.slice(m.index + m[0].length - m[3]!.length);
    const again = parseAnnualTarget(rest);
    return again;
  }
  const value = danishDigits(m[1]!);
  if (value === null) return null;
  let unit: string;
  if (m[2]) unit = "pct.";
  else {
    const words = (m[3] ?? "").split(/\s+/).filter(Boolean);
    const stop = /^(?:deltager|kommer|får|skal|er|bliver|indgår|i|af|med|fra|til|årligt|om|,)$/i;
    const taken: string[] = [];
    for (const w of words) {
      const clean = w.replace(/[,.;()]+$/, "");
      if (stop.test(clean) || taken.length >= 2 || w.startsWith("(")) break;
      taken.push(clean);
      if (/[,.;)]$/.test(w)) break;
    }
    unit = taken.join(" ") || "antal";
  }
  const year = /\b(?:i|in)\s+((?:19|20)\d{2})\b/.exec(text);
  const from = /\bfra\s+((?:19|20)\d{2})\b/.exec(text);
  const yearly = /årligt|om året|pr\.?\s*år/i.test(text);
  return {
    value,
    unit,
    year: !yearly && year ? Number(year[1]) : null,
    fromYear: from ? Number(from[1]) : null,
  };
}

function sectionHeading(
  doc: Doc,
  from: number,
  seg: Segment,
  listed: readonly Measure[],
  taken: ReadonlySet<Measure>,
): { block: Block; measure?: Measure } | null {
  // The section's title: a heading before "Årlige mål" that matches a listed measure not yet
  // placed. A running head repeats a title at the top of the next page, so for one measure the
  // first occurrence counts, and between measures the nearest heading.
  let nearest: Block | null = null;
  const perMeasure = new Map<Measure, { block: Block; score: number; distance: number }>();
  for (let k = from - 1; k >= Math.max(seg.startBlock, from - 60); k--) {
    const b = doc.blocks[k]!;
    if (TARGETS_HEADING.test(b.text) || ECONOMY_HEADING.test(b.text)) break;
    if (!isHeadingLike(b, 110) || /\d{4}|\?$|\d$/.test(b.text) || /^\d/.test(b.text)) continue;
    const next = doc.blocks[k + 1];
    if (!nearest && next && !next.bullet && next.text.length >= 150) nearest = b;
    for (const m of listed) {
      if (taken.has(m)) continue;
      const score = jaccard(stems(b.text), stems(m.title));
      const cur = perMeasure.get(m);
      if (score >= 0.5 && (!cur || score >= cur.score))
        perMeasure.set(m, { block: b, score, distance: from - k });
    }
  }
  let best: { measure: Measure; block: Block; score: number; distance: number } | null = null;
  for (const [measure, c] of perMeasure) {
    if (!best || c.score > best.score || (c.score === best.score && c.distance < best.distance))
      best = { measure, ...c };
  }
  if (best) return { block: best.block, measure: best.measure };
  return nearest ? { block: nearest } : null;
}

export function recognizeMeasures(
  doc: Doc,
  seg: Segment,
  policyKey: string,
  sink: Sink,
  startIndex = 0,
): Measure[] {
  const measures: Measure[] = [];
  const listedAt = new Map<string, Block>();
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    const b = doc.blocks[i]!;
    if (!b.bullet) continue;
    const m = LISTED.exec(b.text);
    const amount = m ? findAmounts(m[2]!)[0] : undefined;
    if (!m || !amount) continue;
    const title = cleanTitle(m[1]!);
    if (measures.some((x) => x.title === title)) continue;
    measures.push({ key: "", title, yearly: amount.value });
    listedAt.set(title, b);
  }

  // Sections with annual targets (and their economy paragraph).
  const sections: { heading: Block; measure?: Measure; targets: Block[]; economy: Block[]; body: Block[] }[] =
    [];
  const taken = new Set<Measure>();
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    if (!TARGETS_HEADING.test(doc.blocks[i]!.text)) continue;
    const head = sectionHeading(doc, i, seg, measures, taken);
    if (!head) continue;
    if (head.measure) taken.add(head.measure);
    const targets: Block[] = [];
    let k = i + 1;
    for (; k < seg.endBlock && doc.blocks[k]!.bullet; k++) targets.push(doc.blocks[k]!);
    const economy: Block[] = [];
    for (let e = k; e < Math.min(seg.endBlock, k + 4); e++) {
      if (ECONOMY_HEADING.test(doc.blocks[e]!.text)) {
        for (let p = e + 1; p < Math.min(seg.endBlock, e + 3) && !isHeadingLike(doc.blocks[p]!); p++)
          economy.push(doc.blocks[p]!);
        break;
      }
    }
    const body = doc.blocks.slice(head.block.index + 1, i).filter((b) => !b.bullet && b.text.length > 80);
    sections.push({
      heading: head.block,
      ...(head.measure ? { measure: head.measure } : {}),
      targets,
      economy,
      body,
    });
  }

  // Measures without a list get their title from the section heading.
  for (const s of sections) {
    if (!s.measure) {
      const title = cleanTitle(s.heading.text);
      const m: Measure = { key: "", title, yearly: null };
      measures.push(m);
      listedAt.set(title, s.heading);
      s.measure = m;
    }
  }

  measures.forEach((measure, idx) => {
    const listBlock = listedAt.get(measure.title)!;
    const section = sections.find((s) => s.measure === measure);
    const evidence: Evidence[] = [
      sink.ev("title", listBlock.textStart, listBlock.textStart + measure.title.length),
    ];
    const econText = section?.economy.map((b) => b.text).join(" ") ?? "";
    const econStart = section?.economy[0]?.textStart ?? 0;
    const funding = econText ? fundingOf(econText, econStart) : null;
    if (funding) evidence.push(sink.ev("funding_status", funding.start, funding.end));
    const description = section?.body[0]?.text ?? null;
    if (section?.body[0])
      evidence.push(sink.ev("description", section.body[0].textStart, section.body[0].end));
    const allText = [description ?? "", ...(section?.body.map((b) => b.text) ?? [])].join(" ");
    const grounds = firstHits(allText);
    measure.key = sink.add({
      entity: "initiative",
      key: `${policyKey}/initiative:${startIndex + idx + 1}`,
      parentKey: policyKey,
      fields: {
        title: measure.title,
        description,
        administration: null,
        committee: null,
        funding_status: funding?.status ?? (measure.yearly ? "funded" : "unknown"),
        status: null,
        target_groups: targetGroups(allText),
        equality_grounds: grounds.map((g) => g.ground),
      },
      confidence: section ? 0.85 : 0.7,
      evidence,
    });

    section?.targets.forEach((t, ti) => {
      const parsed = parseAnnualTarget(t.text);
      if (!parsed) return;
      const metric = cleanTitle(firstSentence(t.text)).replace(/\.$/, "");
      const fields: Record<string, unknown> = {
        year: parsed.year,
        metric,
        target_value: parsed.value,
        unit: parsed.unit,
      };
      if (parsed.fromYear) fields.from_year = parsed.fromYear;
      sink.add({
        entity: "annual_target",
        key: `${measure.key}/annual_target:${ti + 1}`,
        parentKey: measure.key,
        fields,
        confidence: 0.75,
        evidence: [sink.ev("metric", t.textStart, t.end), sink.ev("target_value", t.textStart, t.end)],
      });
    });
  });
  return measures;
}
