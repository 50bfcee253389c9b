// The inquiry answer as a letter: the parts the Word letter and the web pages
// share (addressee, numbers, questions, answer, one figure table per
// administration, signatory), built from the stored inquiry and its draft.
import { formatDanishDate } from "../domain/danishDate.ts";
import { formatDkk, formatFte } from "../domain/money.ts";
import type { InquiryDraft } from "../queries/inquiries/draft.ts";
import { leftOutLines, totalLabel } from "./inquiryAnswerText.ts";

export interface FigureTable {
  caption: string;
  header: string[];
  rows: string[][];
  /** Totals per year, as rows after the initiatives. */
  totals: string[][];
  /** "1 af 3 initiativer har ingen registreret økonomi." or null. */
  note: string | null;
}

export interface InquiryLetter {
  addressee: string;
  date: string;
  caseNumber: string | null;
  documentNumber: string | null;
  askedOn: string | null;
  questions: string[];
  answerParagraphs: string[];
  tables: FigureTable[];
  sources: string[];
  /** What the figures leave out and why, one line each. */
  leftOut: string[];
  signedBy: string | null;
  signerTitle: string | null;
  /** The sending administration's name. */
  administration: string | null;
  organisation: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function figureTables(draft: Omit<InquiryDraft, "scope">): FigureTable[] {
  return draft.administrations.map((a) => {
    const rows: string[][] = [];
    for (const i of a.initiatives) {
      if (i.budget.length === 0) rows.push([i.title, i.policyTitle, "–", "Ingen registreret økonomi", "–"]);
      for (const b of i.budget)
        rows.push([
          i.title,
          i.policyTitle,
          b.year === null ? capitalise(totalLabel(b)) : String(b.year),
          b.amountDkk === null ? "–" : formatDkk(b.amountDkk),
          b.fte === null ? "–" : formatFte(b.fte),
        ]);
    }
    return {
      caption: `${a.name} (${a.code})`,
      header: ["Initiativ", "Politik", "År", "Kroner", "Årsværk"],
      rows,
      totals: a.totalsByYear.map((t) => [
        `I alt ${totalLabel(t)}`,
        "",
        "",
        t.amountDkk === null ? "ikke registreret" : formatDkk(t.amountDkk),
        t.fte === null ? "ikke registreret" : formatFte(t.fte),
      ]),
      note: a.withoutBudget
        ? `${a.withoutBudget} af ${a.initiatives.length} initiativer har ingen registreret økonomi.`
        : null,
    };
  });
}

export function inquiryLetter(input: {
  organisation: string;
  askedBy: string;
  askedOn: string | null;
  answeredOn: string | null;
  today: string;
  caseNumber: string | null;
  documentNumber: string | null;
  questions: string[];
  answer: string | null;
  signedBy: string | null;
  signerTitle?: string | null;
  administration?: string | null;
  draft?: Omit<InquiryDraft, "scope"> | null;
}): InquiryLetter {
  return {
    organisation: input.organisation,
    addressee: input.askedBy,
    date: formatDanishDate(input.answeredOn ?? input.today),
    caseNumber: input.caseNumber,
    documentNumber: input.documentNumber,
    askedOn: input.askedOn ? formatDanishDate(input.askedOn) : null,
    questions: input.questions,
    answerParagraphs: (input.answer ?? "").split(/\n/),
    tables: input.draft ? figureTables(input.draft) : [],
    sources: (input.draft?.policies ?? []).map(
      (p) => `${p.title}${p.periodStart ? ` (${p.periodStart}–${p.periodEnd ?? ""})` : ""}`,
    ),
    leftOut: input.draft ? leftOutLines(input.draft).map((l) => l.replace(/^- /, "")) : [],
    signedBy: input.signedBy,
    signerTitle: input.signerTitle ?? null,
    administration: input.administration ?? null,
  };
}
