// Helpers for the importer's tests: the demo corpus, re-wrapped and re-marked-up variants of a
// text, and small accessors over an extraction. Used by tests only.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEMO_UNITS } from "../../../test/fixtures/ingest/demoUnits.ts";
import { extract } from "../extract.ts";
import { type NormalizedText, normalize } from "../normalize.ts";
import type { Candidate, CandidateEntity, Extraction } from "../types.ts";

const DEMO_DIR = fileURLToPath(new URL("../../../data/demo/", import.meta.url));

export const CORPUS = {
  inquiry: "000_cb657fdc86ad7978.txt",
  policies: "001_ee4dbdb44e1a7a93.txt",
  statusReport: "002_00d84166bc27fc6c.txt",
  hearing: "003_139553ee05667919.txt",
  committeePlans: "004_7c8e50ded8f448b7.txt",
} as const;

export function readDemo(name: string): string {
  return readFileSync(`${DEMO_DIR}${name}`, "utf8");
}

/** Normalize and recognize `text` as the demo organisation imports it. */
export function run(text: string, mediaType = "text/plain"): { norm: NormalizedText; x: Extraction } {
  const norm = normalize({ mediaType, text });
  return { norm, x: extract(norm, DEMO_UNITS) };
}

export function ofEntity(x: Extraction, entity: CandidateEntity): Candidate[] {
  return x.candidates.filter((c) => c.entity === entity);
}

export function childrenOf(x: Extraction, parentKey: string, entity?: CandidateEntity): Candidate[] {
  return x.candidates.filter((c) => c.parentKey === parentKey && (!entity || c.entity === entity));
}

export function field<T = unknown>(c: Candidate | undefined, name: string): T {
  return c?.fields[name] as T;
}

/** The first candidate of `entity` whose `name` field contains `needle` (case-insensitive). */
export function findBy(
  x: Extraction,
  entity: CandidateEntity,
  name: string,
  needle: string,
): Candidate | undefined {
  const n = needle.toLowerCase();
  return ofEntity(x, entity).find((c) =>
    String(c.fields[name] ?? "")
      .toLowerCase()
      .includes(n),
  );
}

function hyphenatable(word: string): boolean {
  // Plain words only: a typesetter splits "minoritetsbaggrund", not "LGBTI+", "2019-22" or "FerieCamp".
  return word.length >= 10 && /^\p{Lu}?\p{Ll}+[.,;:]?$/u.test(word);
}

/** Greedy word wrap at `width`, cutting long words with a hyphen as a PDF would. */
export function wrapLine(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/[ \t]+/).filter(Boolean)) {
    const room = width - line.length - (line ? 1 : 0);
    if (word.length <= room) {
      line = line ? `${line} ${word}` : word;
      continue;
    }
    if (hyphenatable(word) && room >= 6) {
      const cut = Math.min(room - 1, word.length - 4);
      if (cut >= 4) {
        lines.push(`${line ? `${line} ` : ""}${word.slice(0, cut)}-`);
        line = word.slice(cut);
        continue;
      }
    }
    if (line) lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The same text as extracted at another page width: each block of the normalized text (a
 * paragraph, heading or list item) is wrapped at `width`, long words cut with hyphens; table rows
 * (tab-separated cells) stay whole; blank lines stay where they were.
 */
export function rewrap(raw: string, width: number): string {
  const norm = normalize({ mediaType: "text/plain", text: raw }).text;
  return norm
    .split("\n")
    .map((line) => {
      if (!line.trim()) return "";
      // A table row keeps its cells: an extraction at another width still gives one row a line.
      if (line.includes("\t")) return line;
      const bullet = line.startsWith("• ");
      const wrapped = wrapLine(bullet ? line.slice(2) : line, width - (bullet ? 2 : 0));
      return wrapped.map((l, i) => (i === 0 && bullet ? `• ${l}` : bullet ? `  ${l}` : l)).join("\n");
    })
    .join("\n");
}

/** The text as a Word or HTML conversion delivers it: Markdown list items, blank lines between blocks. */
export function asMarkdown(raw: string): string {
  const norm = normalize({ mediaType: "text/plain", text: raw }).text;
  return norm
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (l.startsWith("• ") ? `- ${l.slice(2)}` : l))
    .join("\n\n");
}

/** A comparable projection of an extraction: entity, key and the fields, without evidence. */
export function projection(x: Extraction, fields?: readonly string[]): string[] {
  return x.candidates.map((c) => {
    const f = fields
      ? Object.fromEntries(fields.filter((k) => k in c.fields).map((k) => [k, c.fields[k]]))
      : c.fields;
    return `${c.entity} ${c.key} ${JSON.stringify(f)}`;
  });
}
