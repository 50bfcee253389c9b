// Funding categories as municipal plans word them: "forudsætter særskilt finansiering",
// "indgår i budgetprocessen", "finansieres inden for rammen", "der er afsat …".
import type { FundingStatus } from "../../domain/enums.ts";

export interface FundingHit {
  status: FundingStatus;
  start: number;
  end: number;
}

const RULES: [FundingStatus, RegExp][] = [
  [
    "requires_separate_funding",
    /(?:kræver|forudsætter|forudsætte)\s+(?:\p{L}+\s+){0,3}?særskilt\w*\s+(?:finansiering|bevilling|behandling|midler)|ikke\s+(?:fundet|afsat)\s+finansiering|kræver\s+(?:ekstra|yderligere)\s+(?:finansiering|bevilling|midler)/iu,
  ],
  [
    "in_budget_process",
    /indgår\s+(?:allerede\s+)?i\s+budget(?:processen|forhandlingerne)|budgetønske|(?:forsøges|søges)\s+finansieret\s+via\s+budget\p{L}*|yderligere\s+ressourcer\s+tilført\s+via\s+budget\p{L}*|indgår\s+i\s+(?:de\s+kommende\s+års\s+)?budget\p{L}*/iu,
  ],
  [
    "funded",
    /(?:der\s+er|er\s+blevet|bliver)\s+(?:\p{L}+\s+){0,3}?afsat\s+\d|(?:blev|er)\s+afsat\b|afsat\s+[\d,.]+\s*(?:mio|mia|t\.)?\.?\s*kr|(?<!søges\s|forsøges\s)er\s+finansieret|(?<!søges\s|forsøges\s)finansieret\s+(?:af|via|i|med|gennem)\s|bevilget|allokeret\s+finansiering|finansierer\s+\d/iu,
  ],
  [
    "within_frame",
    /(?:finansieres|finansieret|realiseres|gennemføres|varetages|afholdes|holdes|findes|afvikles)\s+(?:\p{L}+\s+){0,2}?(?:inden\s*for|indenfor|over)\s+(?:\p{L}+['’]?\p{L}*\s+){0,4}?(?:rammen|ramme|rammer|budget)\b|inden\s*for\s+(?:den\s+)?(?:eksisterende\s+)?rammen?\b|inden\s*for\s+eget\s+budget|\bi\s+\p{L}+['’]?s\s+ramme\b|inden\s*for\s+(?:forvaltningens|udvalgets)\s+(?:eksisterende\s+|egne?\s+)?(?:budget|ramme)/iu,
  ],
];

// The amount after "afsat 0": its decimals, unit and "kr." ("afsat 0,6 mio. kr. årligt").
const AMOUNT_REST =
  /^[\d.,]*(?:\s*(?:mio|mia|mill|t)\.?)?(?:\s*kr\.?)?(?:\s+(?:årligt|om\s+året|pr\.\s*år))?/iu;

/** The funding category a text states, with where; precedence follows the list above. */
export function fundingOf(text: string, offset = 0): FundingHit | null {
  for (const [status, re] of RULES) {
    const m = re.exec(text);
    if (!m) continue;
    let end = m.index + m[0].length;
    // A phrase that stops at an amount's first digit takes the whole amount.
    if (/\d$/.test(m[0])) end += AMOUNT_REST.exec(text.slice(end))?.[0].length ?? 0;
    return { status, start: offset + m.index, end: offset + end };
  }
  return null;
}

/**
 * A table's funding cell, often a word or two: the phrases above, or "Ja"/"Finansieret"/an
 * amount for funded, "Nej"/"Ikke finansieret" for money still to be found.
 */
export function fundingOfCell(text: string, offset = 0): FundingHit | null {
  const phrase = fundingOf(text, offset);
  if (phrase) return phrase;
  const t = text.trim();
  const whole = { start: offset, end: offset + text.length };
  if (/^(?:nej|ikke\s+(?:finansieret|afsat|fundet)|mangler(?:\s+finansiering)?|ufinansieret)\b/iu.test(t))
    return { status: "requires_separate_funding", ...whole };
  if (/^(?:ja|finansieret|afsat|bevilget|fuldt\s+finansieret)\b|\d\s*(?:mio\.?|mia\.?|t\.)?\s*kr\b/iu.test(t))
    return { status: "funded", ...whole };
  return null;
}
