// Bytes → text → normalized text → candidates. No database: the importer
// command stores what this returns.
import { extract } from "./extract.ts";
import { normalize } from "./normalize.ts";
import { type ReadOptions, readDocument } from "./read.ts";
import type { OrganisationUnits } from "./recognize/units.ts";
import type { Candidate, Extraction, RawText } from "./types.ts";

export interface Analysis {
  raw: RawText;
  text: string;
  extraction: Extraction;
  /** Candidates with each evidence's source page where the source is paged. */
  candidates: (Candidate & { evidence: (Candidate["evidence"][number] & { page?: number })[] })[];
}

/** `org`: the importing organisation's administrations and committees, which the text is read for. */
export async function analyzeDocument(
  bytes: Uint8Array,
  opts: ReadOptions,
  org: OrganisationUnits,
): Promise<Analysis> {
  const raw = await readDocument(bytes, opts);
  const norm = normalize(raw);
  const extraction = extract(norm, org);
  const candidates = extraction.candidates.map((candidate) => ({
    ...candidate,
    evidence: candidate.evidence.map((e) => {
      const page = norm.toSource(e.start).page;
      return page === undefined ? e : { ...e, page };
    }),
  }));
  return { raw, text: norm.text, extraction, candidates };
}
