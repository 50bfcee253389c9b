// Mangled input must never crash or hang the normalizer and the recognizers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_UNITS } from "../../test/fixtures/ingest/demoUnits.ts";
import { extract } from "./extract.ts";
import { normalize } from "./normalize.ts";
import { CORPUS, readDemo } from "./recognize/testkit.ts";

const BUDGET_MS = 2_000;

// Pieces that look like what the recognizers read, so the fuzzer reaches deep code paths.
const FRAGMENTS = [
  "Konkret initiativ: ",
  "MÅLSÆTNINGER",
  "Resultatmål 3: ",
  "Årlige mål",
  "Økonomi",
  "Aktivitet",
  "I alt",
  "(opgjort i 1000 kr.) 2019 2020 2021",
  "3.300 3.300 -",
  "12,3 mio. kr. årligt frem til 2014",
  "Pejlemærke ",
  "Mål 4. ",
  "Indikator ",
  "Baseline 39 pct. i 3. kvt. 2018",
  "Udvalg Socialudvalget",
  "Sagsnr. 2020-0857002",
  "Venlig hilsen\n\nMikkel Boje",
  "Til Badar Shah, MB",
  "d. 11. november 2020",
  "Beskæftigelses- og Integrationsforvaltningen",
  "SUNDHEDS- OG OMSORGSUDVALGETS HANDLEPLAN",
  "Integrationspolitik 2019-22",
  "fem pejlemærker:",
  "\uf098 ",
  "• ",
  "- ",
  "-\n",
  "\t",
  "\n\n",
  "\f",
  "### **",
  "*",
  "[x](#)",
  "LGBTI+",
  "”",
  "\u00ad",
  "ﬁ",
  "😀",
];

const mangled = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 20 }),
    ),
    {
      maxLength: 120,
    },
  )
  .map((parts) => parts.join(""));

function timed(text: string, mediaType: string): void {
  const t0 = performance.now();
  const norm = normalize({ mediaType, text });
  const x = extract(norm, DEMO_UNITS);
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(BUDGET_MS);
  for (const c of x.candidates) {
    for (const e of c.evidence) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(norm.text.length);
    }
  }
  for (let i = 0; i <= norm.text.length; i += Math.max(1, Math.floor(norm.text.length / 50))) {
    const loc = norm.toSource(i);
    expect(loc.offset).toBeGreaterThanOrEqual(0);
    expect(loc.offset).toBeLessThanOrEqual(text.length);
  }
}

describe("fuzz", () => {
  it("survives mangled text", () => {
    fc.assert(
      fc.property(
        mangled,
        fc.constantFrom("text/plain", "text/markdown", "text/html", "application/pdf"),
        (text, mediaType) => {
          timed(text, mediaType);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("survives corpus documents cut, shuffled and spliced", () => {
    const texts = Object.values(CORPUS).map(readDemo);
    const slice = fc
      .tuple(fc.nat(texts.length - 1), fc.nat(), fc.nat({ max: 20_000 }))
      .map(([d, from, len]) => {
        const t = texts[d]!;
        const start = from % Math.max(1, t.length);
        return t.slice(start, start + len);
      });
    fc.assert(
      fc.property(
        fc.array(slice, { minLength: 1, maxLength: 4 }),
        fc.string({ maxLength: 10 }),
        (parts, glue) => {
          timed(parts.join(glue), "text/plain");
        },
      ),
      { numRuns: 60 },
    );
  });

  it("handles degenerate input quickly", () => {
    for (const text of [
      "",
      "\n\n\n",
      "-\n-\n-",
      "a".repeat(200_000),
      "1.\n".repeat(5_000),
      "• \n".repeat(5_000),
      "\t\t\t\n".repeat(3_000),
    ]) {
      timed(text, "text/plain");
    }
  });
});
