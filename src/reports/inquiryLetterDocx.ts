// The answer to a council member as a Word letter (the `docx` package), laid out
// like the municipality's own letters: addressee, date with case and document
// numbers, the questions quoted, the answer, the figures per administration, and
// the signatory.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { FigureTable, InquiryLetter } from "./inquiryLetterModel.ts";

const para = (text: string, opts: { bold?: boolean; italics?: boolean; right?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.right ? AlignmentType.RIGHT : undefined,
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics })],
  });

function figureTable(t: FigureTable): (Paragraph | Table)[] {
  const cell = (text: string, bold = false) => new TableCell({ children: [para(text, { bold })] });
  const out: (Paragraph | Table)[] = [new Paragraph({ text: t.caption, heading: HeadingLevel.HEADING_3 })];
  out.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: t.header.map((h) => cell(h, true)) }),
        ...t.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
        ...t.totals.map((r) => new TableRow({ children: r.map((c) => cell(c, true)) })),
      ],
    }),
  );
  if (t.note) out.push(para(t.note));
  return out;
}

/** After "Venlig hilsen": the signatory, their position, the sending administration and the case number. */
export function signatureLines(l: InquiryLetter): string[] {
  return [
    l.signedBy,
    l.signerTitle,
    l.administration,
    l.administration ? l.organisation : null,
    l.caseNumber ? `Sagsnr. ${l.caseNumber}` : null,
  ].filter((x): x is string => !!x);
}

export function inquiryLetterDocument(l: InquiryLetter): Document {
  const numbers = [
    para(l.date, { bold: true, right: true }),
    ...(l.caseNumber ? [para(`Sagsnummer ${l.caseNumber}`, { right: true })] : []),
    ...(l.documentNumber ? [para(`Dokumentnummer ${l.documentNumber}`, { right: true })] : []),
  ];
  const children: (Paragraph | Table)[] = [
    para(`Til ${l.addressee}`),
    ...numbers,
    para(""),
    para(`Kære ${l.addressee}`),
    para(
      `Tak for din henvendelse${l.askedOn ? ` af d. ${l.askedOn}` : ""}, hvor du stiller følgende spørgsmål til forvaltningen:`,
    ),
    ...l.questions.map((q, i) => para(`${i + 1}. ${q}`, { italics: true })),
    new Paragraph({ text: "Svar", heading: HeadingLevel.HEADING_2 }),
    ...l.answerParagraphs.map((p) => para(p)),
  ];
  if (l.tables.length) {
    children.push(
      new Paragraph({ text: "Registrerede initiativer og økonomi", heading: HeadingLevel.HEADING_2 }),
    );
    for (const t of l.tables) children.push(...figureTable(t));
  }
  if (l.leftOut.length) {
    children.push(para("Ikke medtaget i tallene:", { bold: true }), ...l.leftOut.map((line) => para(line)));
  }
  if (l.sources.length) children.push(para(`Kilder: ${l.sources.join("; ")}.`));
  children.push(para(""), para("Venlig hilsen"), para(""));
  for (const line of signatureLines(l)) children.push(para(line));
  return new Document({
    creator: l.organisation,
    title: `Svar til ${l.addressee}${l.caseNumber ? ` (sag ${l.caseNumber})` : ""}`,
    description: "Svar på spørgsmål fra medlem af kommunalbestyrelsen",
    sections: [{ children }],
  });
}

export async function inquiryLetterDocx(l: InquiryLetter): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(inquiryLetterDocument(l)));
}

/** A file name for the download: the document number, else the case number, else a plain name. */
export function inquiryLetterFilename(l: InquiryLetter): string {
  const id = (l.documentNumber ?? l.caseNumber ?? "").replace(/[^0-9A-Za-z-]/g, "");
  return id ? `svar-${id}.docx` : "svar.docx";
}
