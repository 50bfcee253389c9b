// The indicator page lists a note once, however many measurements carry it.
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import { buildGoal, buildIndicator, buildOrganisation, buildPolicy } from "../../../test/factories.ts";
import { observations } from "../../db/schema.ts";
import { collectFootnotes } from "./footnotes.ts";

describe("footnotes", () => {
  it("numbers each distinct note once, in order of first use, with the periods it belongs to", () => {
    const rows = [
      { period: "2019", footnote: "Ny opgørelsesmetode." },
      { period: "2020", footnote: "Ny opgørelsesmetode. " },
      { period: "2021", footnote: null },
      { period: "2022", footnote: "Foreløbigt tal." },
    ];
    const { notes, numberOf } = collectFootnotes(rows);
    expect(notes).toEqual([
      { number: 1, text: "Ny opgørelsesmetode.", periods: ["2019", "2020"] },
      { number: 2, text: "Foreløbigt tal.", periods: ["2022"] },
    ]);
    expect(rows.map(numberOf)).toEqual([1, 1, null, 2]);
  });

  it("shows a note shared by several measurements once on the indicator page, referenced from each", async () => {
    const org = await buildOrganisation();
    const goal = await buildGoal(org, (await buildPolicy(org)).id);
    const ind = await buildIndicator(org, goal.id, { title: "Andel i job", unit: "pct." });
    const note = "Tallene er opgjort efter en ny metode fra og med dette år.";
    await org.db.insert(observations).values(
      [2019, 2020, 2021].map((year) => ({
        organisationId: org.organisationId,
        indicatorId: ind.id,
        period: String(year),
        year,
        value: 50 + year - 2019,
        n: 100,
        footnote: note,
      })),
    );
    const res = await (await buildTestApp(org)).request(`/indikatorer/${ind.id}`);
    const html = (await res.text()).replace(/\s+/g, " ");
    expect(html.split(note)).toHaveLength(2);
    expect(html.match(/href="#fodnote-1"/g)).toHaveLength(3);
    expect(html).toContain('id="fodnote-1"');
    expect(html).toContain("gælder målingerne for 2019, 2020 og 2021");
  });
});
