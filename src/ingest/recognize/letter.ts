// Letter metadata shared by answers to council members and hearing responses: case and document
// numbers, the letter's date, who it is to and who signed it.

import type { Evidence } from "../types.ts";
import { type Block, cleanTitle, type Doc } from "./doc.ts";
import type { Sink } from "./sink.ts";
import { type Found, findDates } from "./values.ts";

const NUMBER_VALUE = /(?<![\d-])(\d{2,4}[-/.]\d{3,10}(?:[-/.]\d{1,4})*)(?![\d])/;

function labelledValue(doc: Doc, label: RegExp, valueRe: RegExp): Found<string> | null {
  for (const block of doc.blocks) {
    const m = label.exec(block.text);
    if (!m) continue;
    // The value follows the label in the same block or, in two-column letterheads, in one of the next blocks.
    const rest = block.text.slice(m.index + m[0].length);
    const same = valueRe.exec(rest);
    if (same && rest.slice(0, same.index).trim().length <= 3) {
      const start = block.textStart + m.index + m[0].length + same.index;
      return { value: same[1]!, start, end: start + same[1]!.length, quote: same[1]! };
    }
    for (let k = block.index + 1; k <= block.index + 3 && k < doc.blocks.length; k++) {
      const next = doc.blocks[k]!;
      const v = valueRe.exec(next.text);
      if (v && v.index === 0) {
        const start = next.textStart;
        return { value: v[1]!, start, end: start + v[1]!.length, quote: v[1]! };
      }
      if (
        /^[\p{L}]/u.test(next.text) &&
        !/^(?:sagsnr|sagsnummer|dokumentnr|dokumentnummer|dato)/i.test(next.text)
      )
        break;
    }
  }
  return null;
}

export function caseNumber(doc: Doc): Found<string> | null {
  return labelledValue(
    doc,
    /(?<![\p{L}])(?:sagsnr\.?|sagsnummer|sags nr\.?|j\.\s?nr\.?|journalnr\.?)\s*:?\s*/iu,
    NUMBER_VALUE,
  );
}

export function documentNumber(doc: Doc): Found<string> | null {
  return labelledValue(
    doc,
    /(?<![\p{L}])(?:dokumentnr\.?|dokumentnummer|dok\.\s?nr\.?)\s*:?\s*/iu,
    NUMBER_VALUE,
  );
}

/** The letter's own date: "Dato: …", or a line holding nothing but a date. */
export function letterDate(doc: Doc): Found<string> | null {
  for (const block of doc.blocks.slice(0, 80)) {
    const t = block.text;
    const labelled = /^dato\s*:?\s*/i.exec(t);
    if (labelled) {
      const d = findDates(t.slice(labelled[0].length), block.textStart + labelled[0].length)[0];
      if (d) return d;
      continue;
    }
    const dates = findDates(t, block.textStart);
    const only = dates[0];
    if (
      only &&
      dates.length === 1 &&
      // A place before the date: "Vesterå, 12. marts 2024".
      t.replace(/^\p{Lu}[\p{L}.-]*\s*,\s*/u, "").length <= only.quote.length + 2
    ) {
      return only;
    }
  }
  return null;
}

const NAME = /^(\p{Lu}[\p{Ll}'’-]+(?:\s+(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.|von|van|de|af)){1,4})$/u;

export interface Person {
  name: string;
  start: number;
  end: number;
  role?: string;
}

/** The person who signed: the name after "(Med) venlig hilsen". */
export function signatory(doc: Doc): Person | null {
  for (let i = doc.blocks.length - 1; i >= 0; i--) {
    const block = doc.blocks[i]!;
    const m = /^(?:med\s+)?(?:venlig(?:st)?|kærlig)\s+hilsen\b[\s,]*/iu.exec(block.text);
    if (!m) continue;
    const inline = block.text.slice(m[0].length).trim();
    const candidates: { text: string; start: number; next?: Block }[] = [];
    if (inline)
      candidates.push({ text: inline, start: block.textStart + m[0].length, next: doc.blocks[i + 1] });
    for (let k = i + 1; k < Math.min(doc.blocks.length, i + 3); k++) {
      candidates.push({
        text: doc.blocks[k]!.text,
        start: doc.blocks[k]!.textStart,
        next: doc.blocks[k + 1],
      });
    }
    for (const c of candidates) {
      const name = /^([^,(]+?)(?:\s*[,(]\s*(.+?)\)?)?$/.exec(c.text.trim());
      const n = name?.[1]?.trim() ?? "";
      if (!NAME.test(n)) continue;
      const person: Person = { name: n, start: c.start, end: c.start + n.length };
      const roleInline = name?.[2]?.trim();
      const roleNext =
        c.next && c.next.text.length <= 60 && !/\d/.test(c.next.text) ? c.next.text : undefined;
      const role =
        roleInline ||
        (roleNext && /^\p{Lu}\p{Ll}/u.test(roleNext) && roleNext.split(" ").length <= 5
          ? roleNext
          : undefined);
      if (role) person.role = role;
      return person;
    }
  }
  return null;
}

/** "Til Badar Shah, MB" / "Til borgmester Anna Mee Allerslev" → the addressee and their role. */
export function addressee(doc: Doc): Person | null {
  for (const block of doc.blocks.slice(0, 30)) {
    const m = /^til\s+(.{3,80})$/iu.exec(block.text);
    if (!m) continue;
    const body = m[1]!.trim();
    const parts = /^((?:\p{Ll}[\p{Ll}-]*\s+){0,3})(.+?)(?:\s*,\s*(.{1,40}))?$/u.exec(body);
    if (!parts) continue;
    const name = cleanTitle(parts[2]!);
    if (!NAME.test(name)) continue;
    const at = block.textStart + m[0].indexOf(name);
    const roleParts = [parts[1]?.trim(), parts[3]?.trim()].filter((x): x is string => !!x);
    const person: Person = { name, start: at, end: at + name.length };
    if (roleParts.length > 0) person.role = roleParts.join(", ");
    return person;
  }
  return null;
}

/** "Kære Badar Shah" → the name. */
export function salutation(doc: Doc): Person | null {
  for (const block of doc.blocks.slice(0, 30)) {
    const m = /^(?:kære|til)\s+(.+?)[,!]?$/iu.exec(block.text);
    if (!m) continue;
    const name = m[1]!.replace(/,.*$/, "").trim();
    if (!NAME.test(name)) continue;
    const at = block.textStart + block.text.indexOf(name);
    return { name, start: at, end: at + name.length };
  }
  return null;
}

/** The first date in a block that matches `about` (a sentence about the meeting, the question…). */
export function dateNear(doc: Doc, about: RegExp, blockLimit = doc.blocks.length): Found<string> | null {
  for (const b of doc.blocks.slice(0, blockLimit)) {
    if (!about.test(b.text)) continue;
    const d = findDates(b.text, b.textStart)[0];
    if (d) return d;
  }
  return null;
}

/** Sets a letter field to what was found (or null) and records where it was read. */
export function setFound(
  fields: Record<string, unknown>,
  evidence: Evidence[],
  sink: Sink,
  field: string,
  found: Found<string> | null,
): void {
  fields[field] = found?.value ?? null;
  if (found) evidence.push(sink.ev(field, found.start, found.end));
}
