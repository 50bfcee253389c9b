// The layout rules on pages built run by run, where each case's geometry is stated in the test:
// what pdf.js would give for a page set in columns, a table without rules, running heads, a
// footnote reference, a date at the start of a line.
import { describe, expect, it } from "vitest";
import { normalize } from "../../normalize.ts";
import type { Block } from "../../types.ts";
import { writeBlocks } from "../blockText.ts";
import type { PageText, TextRun } from "./geometry.ts";
import { layoutDocument } from "./layout.ts";
import { pageSpans } from "./pageSpans.ts";

const A4 = { width: 595, height: 842 };

/** A run as pdf.js gives it: its width from a typical glyph width of half the font size. */
function run(
  text: string,
  x: number,
  baseline: number,
  opts: { size?: number; bold?: boolean } = {},
): TextRun {
  const size = opts.size ?? 11;
  return { text, x, baseline, width: text.length * 0.5 * size, size, bold: opts.bold ?? false };
}

/** Lines of running text, one run each, `pitch` apart. */
function lines(texts: string[], x: number, top: number, pitch = 13.2, size = 11): TextRun[] {
  return texts.map((t, i) => run(t, x, top + i * pitch, { size }));
}

function page(n: number, runs: TextRun[]): PageText {
  return { page: n, ...A4, runs };
}

/** The pages read as the PDF reader reads them: laid out, written, and normalized into lines. */
function read(pages: (PageText & { loose?: string[] })[]): { blocks: Block[]; out: string[] } {
  const written = writeBlocks(
    layoutDocument(pages).map((l) => l.draft),
    1_000_000,
  );
  const norm = normalize({ mediaType: "application/pdf", ...written });
  return { blocks: written.blocks, out: norm.text.split("\n").filter((l) => l !== "") };
}

const texts = (pages: (PageText & { loose?: string[] })[]) => read(pages).out;

describe("reading order", () => {
  // Left column lines are at 200 + 13.2k, right column lines half a line lower (their own spacing).
  const left = lines(
    [
      "Første spalte begynder her og fortsætter",
      "ned gennem spalten med flere ord på hver",
      "linje, indtil afsnittet er slut.",
    ],
    56,
    200,
  );
  const right = lines(
    ["Anden spalte har sin egen tekst, som også", "fylder flere linjer og læses efter den", "første spalte."],
    310,
    206,
  );
  const heading = run("Opfølgning", 56, 170, { size: 16, bold: true });
  const middle = run("Fælles overskrift midt på siden", 56, 270, { size: 16, bold: true });
  const left2 = lines(["Nederst til venstre står denne tekst, som", "slutter her."], 56, 300);
  const right2 = lines(["Nederst til højre står den sidste tekst,", "som slutter her."], 310, 300);

  it("reads two columns left then right, and a full-width heading between them in its place", () => {
    const { blocks, out } = read([page(1, [heading, ...right, ...left, middle, ...right2, ...left2])]);
    expect(out).toEqual([
      "Opfølgning",
      "Første spalte begynder her og fortsætter ned gennem spalten med flere ord på hver linje, indtil afsnittet er slut.",
      "Anden spalte har sin egen tekst, som også fylder flere linjer og læses efter den første spalte.",
      "Fælles overskrift midt på siden",
      "Nederst til venstre står denne tekst, som slutter her.",
      "Nederst til højre står den sidste tekst, som slutter her.",
    ]);
    expect(blocks.map((b) => b.geometry?.column)).toEqual([undefined, 0, 1, undefined, 0, 1]);
  });
});

describe("tables without rules", () => {
  const header = [
    run("Indsats", 56, 300, { bold: true }),
    run("2025", 300, 300, { bold: true }),
    run("2026", 400, 300, { bold: true }),
  ];
  // Amounts are set flush right in their columns: their right edges align, not their starts.
  const amount = (text: string, right: number, baseline: number) =>
    run(text, right - text.length * 5.5, baseline);
  const rows = [
    ["Mentorordning", "1.250", "900"],
    ["Tryghedsvandringer", "150", "2.150"],
  ].flatMap(([name, a, b], i) => [
    run(name!, 56, 314 + i * 14),
    amount(a!, 330, 314 + i * 14),
    amount(b!, 430, 314 + i * 14),
  ]);

  it("finds the columns from the gaps that line up, the bold header row and the cells", () => {
    const before = lines(["Beløb i 1.000 kr. fordelt på år og indsatser."], 56, 270);
    const after = lines(["Tabellen er vedtaget sammen med handleplanen i år."], 56, 360);
    const { blocks } = read([page(1, [...before, ...header, ...rows, ...after])]);
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
    const table = blocks[1]!;
    if (table.kind !== "table") throw new Error("expected a table");
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ["Indsats", "2025", "2026"],
      ["Mentorordning", "1.250", "900"],
      ["Tryghedsvandringer", "150", "2.150"],
    ]);
    expect(table.headerRows).toBe(1);
  });

  it("joins a word a narrow cell broke without a hyphen when the document uses the whole word", () => {
    const cell = (text: string, x: number, baseline: number, bold = false) =>
      run(text, x, baseline, { bold });
    const runs = [
      ...lines(["Indsatsen ledes af Beskæftigelsesforvaltningen i hele perioden."], 56, 100),
      cell("Initiativ", 56, 140, true),
      cell("Ansvarlig", 200, 140, true),
      cell("Jobbro", 56, 154),
      cell("Beskæftigelsesforvalt", 200, 154),
      cell("ningen", 200, 167.2),
      cell("Bostøtte", 56, 181),
      cell("Socialforvaltningen", 200, 181),
    ];
    const table = read([page(1, runs)]).blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("expected a table");
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ["Initiativ", "Ansvarlig"],
      ["Jobbro", "Beskæftigelsesforvaltningen"],
      ["Bostøtte", "Socialforvaltningen"],
    ]);
  });

  it("joins a word longer than its cell, broken without a hyphen, that the document never uses whole", () => {
    const cell = (text: string, x: number, baseline: number, bold = false) =>
      run(text, x, baseline, { bold });
    const runs = [
      cell("Initiativ", 56, 140, true),
      cell("Ansvarlig", 200, 140, true),
      cell("Jobbro", 56, 154),
      cell("Social- og", 200, 154),
      cell("Arbejdsmarkedsforvaltnin", 200, 167.2),
      cell("gen", 200, 180.4),
      cell("Bostøtte", 56, 194),
      cell("Borgerserviceforvaltning", 200, 194),
      cell("en", 200, 207.2),
    ];
    const table = read([page(1, runs)]).blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("expected a table");
    expect(table.rows.map((r) => r[1]!.text)).toEqual([
      "Ansvarlig",
      "Social- og Arbejdsmarkedsforvaltningen",
      "Borgerserviceforvaltningen",
    ]);
  });

  it("joins a table the page break cut: the repeated header goes, the cut row's rest joins it", () => {
    const head = (baseline: number) => [
      run("Initiativ", 56, baseline, { bold: true }),
      run("Beskrivelse", 200, baseline, { bold: true }),
    ];
    const first = page(1, [
      ...head(700),
      run("Jobbro", 56, 714),
      run("Ledige får en mentor det første", 200, 714),
    ]);
    const second = page(2, [
      ...head(80),
      run("år.", 200, 94),
      run("Bostøtte", 56, 108),
      run("Hjælp i eget hjem.", 200, 108),
    ]);
    const tables = read([first, second]).blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(1);
    if (tables[0]?.kind !== "table") throw new Error("expected a table");
    expect(tables[0].rows.map((r) => r.map((c) => c.text))).toEqual([
      ["Initiativ", "Beskrivelse"],
      ["Jobbro", "Ledige får en mentor det første år."],
      ["Bostøtte", "Hjælp i eget hjem."],
    ]);
  });

  it("takes a first row of labels over rows of figures as the header, bold or not", () => {
    const plainHeader = header.map((r) => ({ ...r, bold: false }));
    const [table] = read([page(1, [...plainHeader, ...rows])]).blocks;
    expect(table).toMatchObject({ kind: "table", headerRows: 1 });
  });
});

describe("a paragraph cut by a page break", () => {
  it("is one block, and the page map puts each printed line on its page", () => {
    const pages = [
      page(
        1,
        lines(
          ["Et afsnit, der begynder på den første side og", "fortsætter, indtil siden slutter midt i"],
          56,
          780,
        ),
      ),
      // The next paragraph has the space a paragraph style puts after each paragraph.
      page(2, [
        ...lines(["sætningen, som går videre på næste side."], 56, 72),
        ...lines(["Et nyt afsnit."], 56, 93),
      ]),
    ];
    const laid = layoutDocument(pages);
    const { text, blocks } = writeBlocks(
      laid.map((l) => l.draft),
      1_000_000,
    );
    expect(blocks.map((b) => [b.kind, b.page])).toEqual([
      ["paragraph", 1],
      ["paragraph", 2],
    ]);
    const spans = pageSpans(laid, blocks, 2);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe(
      "Et afsnit, der begynder på den første side og\nfortsætter, indtil siden slutter midt i",
    );
    expect(text.slice(spans[1]!.start, spans[1]!.end)).toBe(
      "sætningen, som går videre på næste side.\n\nEt nyt afsnit.",
    );
  });
});

describe("page furniture", () => {
  const head = (n: number) => run(`Handleplan for ligestilling 2025–2028 · side ${n}`, 56, 40, { size: 8 });
  const body = (n: number, text: string) => lines([text], 56, 100 + n);

  it("removes a running head that repeats (page numbers inside it vary) and lone page numbers", () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [
        head(n),
        ...body(n, `Tekst på side ${n} om ligestilling.`),
        run(String(n + 1), 290, 810, { size: 9 }),
      ]),
    );
    const { blocks, out } = read(pages);
    expect(out).toEqual([
      "Tekst på side 1 om ligestilling.",
      "Tekst på side 2 om ligestilling.",
      "Tekst på side 3 om ligestilling.",
    ]);
    expect(blocks.map((b) => b.page)).toEqual([1, 2, 3]);
  });

  it("keeps a line at the top edge that does not repeat", () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [run(`Kapitel ${["et", "to", "tre"][n - 1]}`, 56, 40), ...body(n, "Brødtekst.")]),
    );
    expect(texts(pages)).toContain("Kapitel to");
  });
});

describe("lines into paragraphs", () => {
  it("keeps a footnote reference in its line and glues it to its word", () => {
    const runs = [
      run("Det tilsvarende tal for mænd er 65 pct.", 56, 100),
      run("10", 56 + 39 * 5.5, 96, { size: 7 }),
      run("og for kvinder 29 pct.", 56, 113.2),
    ];
    expect(texts([page(1, runs)])).toEqual([
      "Det tilsvarende tal for mænd er 65 pct.10 og for kvinder 29 pct.",
    ]);
  });

  it("does not take a date at the start of a line for a numbered item", () => {
    // The first line is full: the date was wrapped, not started on a line of its own.
    const runs = lines(
      ["Udvalget behandlede sagen på sit ordinære møde den", "3. december 2014 og sendte den videre."],
      56,
      100,
    );
    const { blocks, out } = read([page(1, runs)]);
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph"]);
    expect(out).toEqual([
      "Udvalget behandlede sagen på sit ordinære møde den 3. december 2014 og sendte den videre.",
    ]);
  });

  it("joins a word cut at a line end and keeps the hyphen of a shared ending", () => {
    const runs = lines(
      ["Sagen går til Sundheds- og Omsorgsfor-", "valtningen, som svarer inden en måned."],
      56,
      100,
    );
    expect(texts([page(1, runs)])).toEqual([
      "Sagen går til Sundheds- og Omsorgsforvaltningen, som svarer inden en måned.",
    ]);
  });

  it("reads a list item whose marker is set apart by a tab, with its hanging lines", () => {
    const runs = [
      run("•", 74, 100),
      run("Flere borgere i job, også dem der i dag står", 92, 100),
      run("langt fra arbejdsmarkedet.", 92, 113.2),
      run("•", 74, 130),
      run("Færre unge uden uddannelse.", 92, 130),
    ];
    const { blocks, out } = read([page(1, runs)]);
    expect(blocks.map((b) => b.kind)).toEqual(["list_item", "list_item"]);
    expect(out).toEqual([
      "• Flere borgere i job, også dem der i dag står langt fra arbejdsmarkedet.",
      "• Færre unge uden uddannelse.",
    ]);
  });

  it("starts a new paragraph after a line that ends early", () => {
    const runs = lines(
      [
        "Første afsnit fylder en hel linje på siden her,",
        "og slutter her.",
        "Andet afsnit begynder uden luft over sig.",
      ],
      56,
      100,
    );
    expect(texts([page(1, runs)])).toEqual([
      "Første afsnit fylder en hel linje på siden her, og slutter her.",
      "Andet afsnit begynder uden luft over sig.",
    ]);
  });

  it("keeps text that is not set horizontally, after the page's blocks", () => {
    const pages = [{ ...page(1, lines(["Brødtekst."], 56, 100)), loose: ["Sidetekst", "på langs"] }];
    expect(texts(pages)).toEqual(["Brødtekst.", "Sidetekst på langs"]);
  });
});
