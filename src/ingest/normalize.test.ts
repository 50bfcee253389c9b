import { describe, expect, it } from "vitest";
import { normalize } from "./normalize.ts";
import { CORPUS, readDemo, run } from "./recognize/testkit.ts";

const norm = (text: string, mediaType = "text/plain") => normalize({ mediaType, text });

describe("normalize: words cut at line ends", () => {
  it("joins a word hyphenated across a line break", () => {
    expect(
      norm("Beskæftigelses- og Integrations-\nforvaltningen har ansvaret for For-\nvaltning.").text,
    ).toBe("Beskæftigelses- og Integrationsforvaltningen har ansvaret for Forvaltning.");
  });

  it("keeps real hyphens", () => {
    expect(norm("LGBTI+-personer og perioden 2019-2022").text).toBe("LGBTI+-personer og perioden 2019-2022");
    expect(norm("i perioden 2019-\n2022 gælder det").text).toBe("i perioden 2019-2022 gælder det");
    expect(norm("Beskæftigelses-\nog Integrationsforvaltningen").text).toBe(
      "Beskæftigelses- og Integrationsforvaltningen",
    );
    expect(norm("job-, lære-\neller elevpladser").text).toBe("job-, lære- eller elevpladser");
    expect(norm("EU-\ngennemsnittet var 70 pct.").text).toBe("EU-gennemsnittet var 70 pct.");
    expect(norm("et IGU-\nforløb for de nyankomne").text).toBe("et IGU-forløb for de nyankomne");
  });

  it("joins an acronym cut in two", () => {
    expect(norm("personer med LG-\nBTI+ baggrund").text).toBe("personer med LGBTI+ baggrund");
  });

  it("restores a hyphen the extractor dropped when the joined word occurs elsewhere", () => {
    const text =
      "Vi taler om udfordringer hver dag i byen.\nKvinderne kan have forskellige ud\nfordringer i hverdagen.";
    expect(norm(text).text).toContain("forskellige udfordringer i hverdagen");
  });

  it("joins a cut word across a page break", () => {
    expect(norm("Formålet er, at LGBTI+ per-\n\nsoner oplever øget trivsel.").text).toBe(
      "Formålet er, at LGBTI+ personer oplever øget trivsel.",
    );
  });
});

describe("normalize: paragraphs, headings and furniture", () => {
  it("rejoins wrapped lines and keeps headings apart", () => {
    const text = [
      "Et trygt natteliv",
      "Det er i nattelivet, flest unge københavnere oplever dis-",
      "krimination. Med indsatsen arbejdes der for at styrke tryg-",
      "heden for alle i nattelivet, og indsatsen når mange.",
      "",
      "Næste afsnit begynder her og fortsætter på den næste linje",
      "uden at blive delt op.",
    ].join("\n");
    expect(norm(text).text).toBe(
      [
        "Et trygt natteliv",
        "Det er i nattelivet, flest unge københavnere oplever diskrimination. Med indsatsen arbejdes der for at styrke trygheden for alle i nattelivet, og indsatsen når mange.",
        "",
        "Næste afsnit begynder her og fortsætter på den næste linje uden at blive delt op.",
      ].join("\n"),
    );
  });

  it("removes page numbers and repeated running heads", () => {
    const page = (n: number) =>
      `Integrationshandleplan 2019-22\n\nTekst på side ${n} som fortsætter i et helt afsnit med flere ord.\n\n${n}\n`;
    const out = norm([1, 2, 3, 4].map(page).join("\n")).text;
    expect(out).not.toContain("Integrationshandleplan 2019-22");
    expect(out).not.toMatch(/^\d+$/m);
    expect(out).toContain("Tekst på side 3 som fortsætter");
  });

  it("removes page marks and running heads at page edges when pages are known", () => {
    const pages: string[] = [];
    for (let n = 1; n <= 4; n++)
      pages.push(`Københavns Kommune · Side ${n} af 4\n\nBrødtekst nummer ${n} her.`);
    let text = "";
    const spans: { page: number; start: number; end: number }[] = [];
    pages.forEach((p, i) => {
      if (i > 0) text += "\n\n";
      spans.push({ page: i + 1, start: text.length, end: text.length + p.length });
      text += p;
    });
    const n = normalize({ mediaType: "application/pdf", text, pages: spans });
    expect(n.text).not.toContain("Side");
    const at = n.text.indexOf("nummer 3");
    expect(n.toSource(at).page).toBe(3);
  });

  it("turns symbol-font bullets and Markdown list items into one bullet form", () => {
    expect(norm("\uf098 Vi skal sikre lige adgang.\n\uf098 Vi skal styrke netværk.").text).toBe(
      "• Vi skal sikre lige adgang.\n• Vi skal styrke netværk.",
    );
    expect(norm("Mål:\n- første mål\n- andet mål", "text/markdown").text).toBe(
      "Mål:\n• første mål\n• andet mål",
    );
  });

  it("keeps a dash inside a sentence", () => {
    expect(norm("nyankomne med minoritetsbaggrund – særligt kvinderne\n– skal være i en IGU").text).toBe(
      "nyankomne med minoritetsbaggrund – særligt kvinderne – skal være i en IGU",
    );
  });

  it("handles Markdown headings, emphasis and links from Word and HTML conversions", () => {
    const text =
      "### **Socialforvaltningens svar**\n\n#### *Ligestilling på arbejdspladsen*\n\nSe [planen](#) og **fed** tekst.";
    expect(norm(text, "text/markdown").text).toBe(
      "Socialforvaltningens svar\n\nLigestilling på arbejdspladsen\n\nSe planen og fed tekst.",
    );
  });

  it("reads tab-per-word lines as prose and keeps tab-separated table rows", () => {
    expect(norm("Der\ter\tmed\tindsatsen\tafsat\t3,3\tmio.\tkr.\tårligt.").text).toBe(
      "Der er med indsatsen afsat 3,3 mio. kr. årligt.",
    );
    const table = "Mål\tIndikator\tBaseline\n4. Færre børn\tAndelen af elever\t39 pct. i 2017";
    expect(norm(table, "text/html").text).toBe(table);
  });

  it("reads a table typed with tabs in plain text, header row of one-word cells included", () => {
    const table = "Initiativ\t2026\t2027\tI alt\nTrygge byrum\t1.200\t800\t2.000\nI alt\t1.200\t800\t2.000";
    const n = norm(table);
    expect(n.text).toBe(table);
    expect(n.structure.map((s) => [s.kind, s.table?.cells.length])).toEqual([
      ["table_row", 4],
      ["table_row", 4],
      ["table_row", 4],
    ]);
    // Prose with a tab between words stays prose, even when two lines have as many words.
    const prose =
      "Der\ter\tafsat\tmidler\ntil\tdette\tformål\thvert\n• Alle\tfår\tviden\tom\n• Alle\tfår\tet\tjob";
    expect(norm(prose).structure.some((s) => s.kind === "table_row")).toBe(false);
  });

  it("keeps one-cell-per-line table cells apart", () => {
    expect(
      norm(
        "Skolesocialrådgivere 49,2 mio. kr.\n\n(12,3 mio. kr. årligt frem til 2014)\n\nKræver særskilt bevilling.",
      ).text,
    ).toBe(
      "Skolesocialrådgivere 49,2 mio. kr.\n\n(12,3 mio. kr. årligt frem til 2014)\n\nKræver særskilt bevilling.",
    );
  });

  it("moves a heading printed after its list back in front of it", () => {
    const text = [
      "MÅLSÆTNINGER",
      "\uf098 Første mål for temaet.",
      "",
      "Andet tema",
      "",
      "Brødtekst om det andet tema, som er et helt afsnit langt og fortæller om temaet.",
      "",
      "\uf098 Vi skal gøre det ene.",
      "",
      "\uf098 Vi skal gøre det andet.",
      "",
      "MÅLSÆTNINGER",
      "Tredje tema",
      "",
      "Brødtekst om det tredje tema, som også er et helt afsnit langt og fortæller om det.",
    ].join("\n");
    const out = norm(text).text;
    expect(out.indexOf("MÅLSÆTNINGER", 20)).toBeLessThan(out.indexOf("Vi skal gøre det ene."));
    expect(out).toMatch(/Vi skal gøre det andet\.\n\nTredje tema/);
  });
});

describe("normalize: the map back to the source", () => {
  for (const name of Object.values(CORPUS)) {
    it(`maps every letter and digit to the same character in the raw text (${name})`, () => {
      const raw = readDemo(name);
      const n = norm(raw);
      const wrong: number[] = [];
      for (let i = 0; i < n.text.length; i++) {
        const ch = n.text[i]!;
        if (/[\p{L}\d]/u.test(ch) && raw[n.toSource(i).offset] !== ch) wrong.push(i);
      }
      expect(wrong).toEqual([]);
    });

    it(`maps evidence quotes back to the same text, up to joined hyphens and whitespace (${name})`, () => {
      const raw = readDemo(name);
      const { norm: n, x } = run(raw);
      const squash = (s: string) => s.replace(/[\s\-•\u00ad\uf000-\uf8ff]/g, "");
      for (const c of x.candidates) {
        for (const e of c.evidence) {
          const from = n.toSource(e.start).offset;
          const to = n.toSource(e.end - 1).offset + 1;
          expect(to).toBeGreaterThan(from);
          expect(squash(raw.slice(from, to))).toBe(squash(e.quote));
        }
      }
    });
  }

  it("returns offsets within the raw text for any input offset", () => {
    const raw = "Første linje\nanden linje";
    const n = norm(raw);
    expect(n.toSource(-5).offset).toBe(0);
    expect(n.toSource(n.text.length).offset).toBeLessThanOrEqual(raw.length);
    expect(n.toSource(1e9).offset).toBeLessThanOrEqual(raw.length);
  });
});
