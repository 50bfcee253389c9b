// The hearing summary (høringsnotat) as a Word document (the `docx` package),
// from the same model as the HTML page.
import {
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
import type { HearingSummary } from "./hearingSummaryModel.ts";

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

export async function renderHearingSummaryDocx(s: HearingSummary): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: `Høringsnotat: ${s.title}`, heading: HeadingLevel.TITLE }),
  ];
  if (s.policyTitle) body.push(new Paragraph({ text: `Udkast til ${s.policyTitle}` }));
  body.push(new Paragraph({ text: `Høringsperiode: ${s.period}` }));
  if (s.invited.length)
    body.push(new Paragraph({ text: `Inviterede høringsparter: ${s.invited.join(", ")}` }));
  body.push(new Paragraph({ text: `Antal høringssvar: ${s.responseCount}` }));

  body.push(new Paragraph({ text: "Høringssvar pr. mål og afsnit", heading: HeadingLevel.HEADING_1 }));
  body.push(
    table(
      ["Mål eller afsnit", "Antal svar"],
      s.sections.map((x) => [x.section, String(x.count)]),
    ),
  );

  for (const section of s.sections) {
    body.push(new Paragraph({ text: section.section, heading: HeadingLevel.HEADING_2 }));
    if (section.entries.length === 0) body.push(new Paragraph({ text: "Ingen høringssvar om dette mål." }));
    else
      body.push(
        table(
          ["Høringspart", "Bemærkninger", "Forvaltningens kommentar"],
          section.entries.map((e) => [`${e.from} (${e.kind})`, e.said, e.comment || "–"]),
        ),
      );
  }

  body.push(new Paragraph({ text: "Høringsparter", heading: HeadingLevel.HEADING_1 }));
  body.push(
    table(
      ["Høringspart", "Slags", "Modtaget"],
      s.respondents.map((r) => [r.from, r.kind, r.received]),
    ),
  );

  const doc = new Document({
    creator: "Pejl",
    title: `Høringsnotat: ${s.title}`,
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
