import { afterAll, describe, expect, it } from "vitest";
import { CORPUS, repoFile } from "../../../test/fixtures/ingest/helpers.ts";
import { resolveLimits } from "../limits.ts";
import type { Block } from "../types.ts";
import { stopIdleReaders } from "./isolate.ts";
import { readMarkdown, readMarkdownInProcess } from "./markdown.ts";

const limits = resolveLimits();
const md = (s: string) => readMarkdownInProcess(new TextEncoder().encode(s), limits);
const kinds = (blocks: Block[] | undefined) =>
  (blocks ?? []).map((b) => (b.kind === "table" ? "table" : `${b.kind}:${b.text}`));

afterAll(stopIdleReaders);

describe("readMarkdown", () => {
  it("reads headings, list items and numbered items as blocks (corpus 000, in a worker)", async () => {
    const raw = await readMarkdown(repoFile(CORPUS.inquiryAnswer), limits);
    expect(raw.mediaType).toBe("text/markdown");
    const heading = raw.blocks?.find((b) => b.kind === "heading" && b.text === "Socialforvaltningens svar");
    expect(heading).toMatchObject({ kind: "heading", level: 3 });
    const items = raw.blocks?.filter((b) => b.kind === "list_item") ?? [];
    expect(items.map((b) => [b.kind === "list_item" && b.ordered, b.text.slice(0, 30)])).toEqual([
      [false, "Hvilke konkrete ligestillingsi"],
      [false, "Der ønskes et overslag over, h"],
      [true, "Hvilke konkrete ligestillingsi"],
      [true, "Der ønskes et overslag over, h"],
    ]);
    // The second question keeps the number it was written with.
    expect(items[3]).toMatchObject({ marker: "2." });
    // A Markdown hard break (two spaces) is a line break inside the paragraph.
    expect(
      raw.blocks?.some((b) => b.kind === "paragraph" && b.text === "Mikkel Boje\nAdministrerende direktør"),
    ).toBe(true);
    for (const b of raw.blocks ?? [])
      if (b.kind !== "table") expect(raw.text.slice(b.start, b.end)).toBe(b.text);
    expect(raw.metadataTitle).toBeUndefined();
  }, 30_000);

  it("reads pipe tables with their header row", () => {
    const raw = md("# Budget\n\n| Indsats | 2026 | 2027 |\n|---|---:|---:|\n| Mentorer | 500 | 600 |\n");
    const table = raw.blocks?.find((b) => b.kind === "table");
    expect(table).toMatchObject({ kind: "table", headerRows: 1 });
    expect(table?.kind === "table" && table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ["Indsats", "2026", "2027"],
      ["Mentorer", "500", "600"],
    ]);
    expect(raw.text).toBe("# Budget\n\nIndsats\t2026\t2027\nMentorer\t500\t600");
  });

  it("lifts the title out of YAML front matter and makes it the first heading, as the author wrote it", () => {
    const raw = md(
      '---\ntitle: "LGBTI+ politik 2019–2023"\nsubtitle: En ligeværdig del\ndate: 2019-01-31\n---\n\n# København er for alle\n',
    );
    expect(raw.metadataTitle).toBe("LGBTI+ politik 2019–2023");
    expect(kinds(raw.blocks)).toEqual([
      "heading:LGBTI+ politik 2019–2023",
      "heading:En ligeværdig del",
      "heading:København er for alle",
    ]);
    expect(raw.text).not.toContain("date:");
  });

  it("leaves a thematic break at the top alone", () => {
    const raw = md("---\n\nTekst\n\n---\n");
    expect(raw.text).toBe("Tekst");
    expect(raw.metadataTitle).toBeUndefined();
  });
});
