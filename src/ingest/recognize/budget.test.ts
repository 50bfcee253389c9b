// Budget tables read from running text, where a converter ran a group heading ("Børn skal have en
// sund start") and the post under it into one line: the post keeps its whole name.
import { describe, expect, it } from "vitest";
import { CORPUS, childrenOf, field, ofEntity, readDemo, run } from "./testkit.ts";

// An action plan made up for this test, laid out as a PDF extraction gives such a table: the
// goals as group headings above their posts, amounts per year, an "I alt" row.
const PLAN = `Handleplan for sundhed og trivsel 2026-2028

Handleplanen skal bidrage til at nå målene i Sundhedspolitikken 2025-2028. Sundheds- og Omsorgsudvalget vedtog handleplanen, og Sundheds- og Omsorgsudvalget følger den.

Indsatserne i handleplanen

• Mere bevægelse i dagtilbuddene (0,9 mio. kr.)
• Sundhedsvejledning på sprogskolen (0,3 mio. kr.)
• Færre ensomme ældre i boligområderne (0,45 mio. kr.)

Mere bevægelse i dagtilbuddene

Pædagogerne får et forløb om leg og bevægelse, så børnene er fysisk aktive mindst en time
hver dag i institutionen.

Økonomi
Der er med indsatsen afsat 0,9 mio. kr. årligt.

Sundhedsvejledning på sprogskolen

Kursisterne på sprogskolen får vejledning om kost, søvn og det danske sundhedsvæsen.

Økonomi
Der er med indsatsen afsat 0,3 mio. kr. i 2026 og 2027.

Færre ensomme ældre i boligområderne

Frivillige besøgsvenner bliver koblet med ældre, der bor alene i de almene boligområder.

Økonomi
Der er med indsatsen afsat 0,45 mio. kr. årligt.

Oversigt over indsatser (opgjort i 1000 kr.) 2026 2027 2028

Børn skal have en sund start på livet
Mere bevægelse i dagtilbuddene 900 900 900
Sundhedsvejledning på sprogskolen 300 300 -

Ældre skal have et godt netværk
Færre ensomme ældre i boligområderne 450 450 450

I alt 1.650 1.650 1.350
`;

const labelsBy = (x: ReturnType<typeof run>["x"], parentKey: string) => [
  ...new Set(childrenOf(x, parentKey, "budget_line").map((l) => field<string>(l, "label"))),
];

describe("a budget table whose group headings run into its posts", () => {
  it("keeps the post's first word when the similarity to its initiative ignores it", () => {
    const { x } = run(PLAN);
    const plan = ofEntity(x, "policy")[0]!;
    const measures = childrenOf(x, plan.key, "initiative");
    expect(measures.map((m) => field(m, "title"))).toEqual([
      "Mere bevægelse i dagtilbuddene",
      "Sundhedsvejledning på sprogskolen",
      "Færre ensomme ældre i boligområderne",
    ]);
    expect(measures.map((m) => labelsBy(x, m.key))).toEqual([
      ["Mere bevægelse i dagtilbuddene"],
      ["Sundhedsvejledning på sprogskolen"],
      ["Færre ensomme ældre i boligområderne"],
    ]);
    const first = childrenOf(x, measures[0]!.key, "budget_line");
    expect(first.map((l) => [field(l, "year"), field(l, "amount_dkk")])).toEqual([
      [2026, 900_000],
      [2027, 900_000],
      [2028, 900_000],
    ]);
    // The label's evidence starts at the post, not inside the group heading.
    expect(first[0]!.evidence.find((e) => e.field === "label")?.quote).toBe("Mere bevægelse i dagtilbuddene");
    expect(x.warnings.filter((w) => w.code === "budget_total_mismatch")).toEqual([]);
  });

  it("reads the integration action plan's post under its goal with its whole name (corpus 001)", () => {
    // Read by hand: under "Flere københavnere … skal fastholdes i uddannelse" the table's post is
    // "Flere lære- og elevpladser til unge", 800 (1.000 kr.) in each of 2019–2022.
    const { x } = run(readDemo(CORPUS.policies));
    const lines = ofEntity(x, "budget_line").filter((l) => /elevpladser/.test(field<string>(l, "label")));
    expect(lines.map((l) => [field(l, "label"), field(l, "year"), field(l, "amount_dkk")])).toEqual(
      [2019, 2020, 2021, 2022].map((year) => ["Flere lære- og elevpladser til unge", year, 800_000]),
    );
  });
});
