import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORPUS, repoFile } from "../../../test/fixtures/ingest/helpers.ts";
import { resolveLimits } from "../limits.ts";
import { readMarkdown } from "./markdown.ts";

const limits = resolveLimits();
const md = (s: string) => readMarkdown(new TextEncoder().encode(s), limits);

describe("readMarkdown", () => {
  it("keeps Markdown as written, headings and list items included (corpus 000)", () => {
    const raw = readMarkdown(repoFile(CORPUS.inquiryAnswer), limits);
    expect(raw.mediaType).toBe("text/markdown");
    expect(raw.text).toBe(readFileSync(CORPUS.inquiryAnswer, "utf8"));
    expect(raw.text).toContain("### **Socialforvaltningens svar**");
    expect(raw.text).toMatch(/^- Hvilke konkrete ligestillingsindsatser/m);
    expect(raw.metadataTitle).toBeUndefined();
  });

  it("lifts the title out of YAML front matter and drops the block", () => {
    const raw = md(
      '---\ntitle: "LGBTI+ politik 2019–2023"\ndate: 2019-01-31\n---\n\n# København er for alle\n',
    );
    expect(raw.metadataTitle).toBe("LGBTI+ politik 2019–2023");
    expect(raw.text).toBe("# København er for alle\n");
  });

  it("leaves a thematic break at the top alone", () => {
    const raw = md("---\n\nTekst\n\n---\n");
    expect(raw.text).toBe("---\n\nTekst\n\n---\n");
    expect(raw.metadataTitle).toBeUndefined();
  });
});
