// Collects candidates and warnings while recognizers run, and keeps keys unique.
import type { Candidate, CandidateEntity, Evidence, ExtractionWarning } from "../types.ts";
import { wholeSpan } from "./wholeSpan.ts";

/** Evidence for a field: the span widened to whole words and numbers, and its quote. */
export function evidence(text: string, field: string, start: number, end: number): Evidence {
  const { start: s, end: e } = wholeSpan(text, start, end);
  return { field, start: s, end: e, quote: text.slice(s, e) };
}

export interface CandidateInput {
  entity: CandidateEntity;
  key: string;
  parentKey?: string;
  refs?: Record<string, string[]>;
  fields: Record<string, unknown>;
  confidence: number;
  evidence: Evidence[];
}

export class Sink {
  readonly candidates: Candidate[] = [];
  readonly warnings: ExtractionWarning[] = [];
  private readonly keys = new Set<string>();

  constructor(readonly text: string) {}

  ev(field: string, start: number, end: number): Evidence {
    return evidence(this.text, field, start, end);
  }

  /** Adds a candidate; a key already used gets a numeric suffix. Returns the final key. */
  add(input: CandidateInput): string {
    let key = input.key;
    for (let n = 2; this.keys.has(key); n++) key = `${input.key}~${n}`;
    this.keys.add(key);
    const candidate: Candidate = {
      key,
      entity: input.entity,
      fields: input.fields,
      confidence: Math.round(Math.max(0, Math.min(1, input.confidence)) * 100) / 100,
      // Every quote is whole, however a recognizer cut its span.
      evidence: input.evidence
        .filter((e) => e.end > e.start)
        .map((e) =>
          e.quote === this.text.slice(e.start, e.end) ? evidence(this.text, e.field, e.start, e.end) : e,
        ),
    };
    if (input.parentKey) candidate.parentKey = input.parentKey;
    if (input.refs && Object.keys(input.refs).length > 0) candidate.refs = input.refs;
    this.candidates.push(candidate);
    return key;
  }

  warn(code: string, message: string, start?: number, end?: number): void {
    const w: ExtractionWarning = { code, message };
    if (start !== undefined) w.start = start;
    if (end !== undefined) w.end = end;
    this.warnings.push(w);
  }

  byKey(key: string): Candidate | undefined {
    return this.candidates.find((c) => c.key === key);
  }
}
