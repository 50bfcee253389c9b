// The committee report as a Word document (the `docx` package), with each
// indicator's chart rendered to PNG.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { svgsToPng } from "../charts/png.ts";
import type { ReportIndicator, RoundReport } from "./roundReportModel.ts";
import {
  answerNarratives,
  answerTable,
  frontMatter,
  fundingTable,
  indicatorChart,
  indicatorStatusLine,
  indicatorTable,
  summaryTables,
  type TextTable,
} from "./roundReportText.ts";

function table(t: TextTable): (Paragraph | Table)[] {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return [
    new Paragraph({ text: t.caption, heading: HeadingLevel.HEADING_3 }),
    t.rows.length === 0
      ? new Paragraph({ text: "Ingen." })
      : new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: t.header.map((h) => cell(h, true)) }),
            ...t.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
          ],
        }),
  ];
}

// Drawn at twice the size shown, so the charts stay sharp in print and on
// scaled screens (1200 px over 6.25 in is about 190 ppi).
const CHART = { width: 600, height: 300, pngWidth: 1200 };

/**
 * Every indicator's chart as a picture, keyed by the indicator. Rasterizing is
 * most of the time a Word report takes, so all charts are rasterized together
 * (svgsToPng draws them in parallel, off the event loop) before the document is
 * put together.
 */
async function chartParagraphs(r: RoundReport): Promise<Map<ReportIndicator, Paragraph>> {
  const charts = r.themes
    .flatMap((t) => t.goals.flatMap((g) => g.indicators))
    .flatMap((i) => {
      const chart = indicatorChart(i, { width: CHART.width, height: CHART.height }, r.suppressionThreshold);
      return chart ? [{ i, ...chart }] : [];
    });
  const pngs = await svgsToPng(
    charts.map((c) => c.svg),
    CHART.pngWidth,
  );
  return new Map(
    charts.map(({ i, altText }, k) => [
      i,
      new Paragraph({
        children: [
          new ImageRun({
            type: "png",
            data: pngs[k]!,
            transformation: { width: CHART.width, height: CHART.height },
            altText: { title: i.title, description: altText, name: i.title },
          }),
        ],
      }),
    ]),
  );
}

export async function renderRoundReportDocx(r: RoundReport): Promise<Buffer> {
  const front = frontMatter(r);
  const charts = await chartParagraphs(r);
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: front.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: front.subtitle }),
    new Paragraph({ text: front.dateLine }),
  ];
  if (front.exampleNote)
    body.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [new TextRun({ text: front.exampleNote, bold: true })],
      }),
    );
  body.push(new Paragraph({ text: "Sammenfatning", heading: HeadingLevel.HEADING_1 }));
  for (const t of summaryTables(r)) body.push(...table(t));

  for (const theme of r.themes) {
    body.push(
      new Paragraph({
        text: theme.number === null ? theme.title : `Tema ${theme.number}: ${theme.title}`,
        heading: HeadingLevel.HEADING_1,
      }),
    );
    for (const goal of theme.goals) {
      body.push(new Paragraph({ text: goal.text, heading: HeadingLevel.HEADING_2 }));
      for (const i of goal.indicators) {
        const image = charts.get(i);
        if (image) body.push(image);
        body.push(new Paragraph({ text: indicatorStatusLine(i) }));
        body.push(...table(indicatorTable(i, r.suppressionThreshold)));
      }
    }
  }

  body.push(
    new Paragraph({ text: "Initiativer der afventer finansiering", heading: HeadingLevel.HEADING_1 }),
  );
  body.push(...table(fundingTable(r)));

  for (const a of r.administrations) {
    body.push(new Paragraph({ children: [new PageBreak()] }));
    body.push(new Paragraph({ text: `Bilag: ${a.code} – ${a.name}`, heading: HeadingLevel.HEADING_1 }));
    body.push(...table(answerTable(a.code, a.answers)));
    for (const n of answerNarratives(a.answers)) {
      body.push(new Paragraph({ text: n.subject, heading: HeadingLevel.HEADING_3 }));
      for (const line of n.text.split(/\n+/)) body.push(new Paragraph({ text: line }));
    }
  }

  const doc = new Document({
    creator: "Pejl",
    title: front.title,
    description: front.subtitle,
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
