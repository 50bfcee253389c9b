// Facts read by hand from the demo corpus (data/demo/004): the committees' action plans.
import { describe, expect, it } from "vitest";
import { CORPUS, childrenOf, field, findBy, ofEntity, readDemo, run } from "./recognize/testkit.ts";
import type { Candidate } from "./types.ts";

describe("004: the committees' action plans for the integration policy 2011–14", () => {
  const { x } = run(readDemo(CORPUS.committeePlans));
  const plans = ofEntity(x, "policy");

  it("finds six committee plans in the order of the contents", () => {
    expect(x.documentKind).toBe("committee_action_plan");
    expect(plans.map((p) => field(p, "owner_committee"))).toEqual(["SUU", "KFU", "SOU", "TMU", "ØU", "BIU"]);
    for (const p of plans) {
      expect(field(p, "kind")).toBe("committee_action_plan");
      expect([field(p, "period_start"), field(p, "period_end")]).toEqual([2011, 2014]);
    }
    expect(field(plans[0], "title")).toBe(
      "Sundheds- og Omsorgsudvalgets handleplan for integrationspolitikken",
    );
    expect(field(plans[3], "owner_administration")).toBe("TMF");
  });

  it("reads Socialudvalget's eleven numbered result goals", () => {
    const sou = plans[2]!;
    const results = childrenOf(x, sou.key, "goal").filter((g) => g.fields.kind === "result_goal");
    expect(results.map((g) => field(g, "number"))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(field<string>(results[8], "text")).toMatch(
      /^At sikre, at SOF etablerer kontakt til de udskrevne patienter/,
    );
    expect(field<string>(results[10], "text")).toMatch(/^Der må ikke opstå nye udsatte boligområder/);
  });

  it("reads the other committees' goals", () => {
    const suu = childrenOf(x, plans[0]!.key, "goal");
    expect(suu.filter((g) => g.fields.kind === "result_goal")).toHaveLength(5);
    const ou = childrenOf(x, plans[4]!.key, "goal").filter((g) => g.fields.kind === "goal");
    expect(ou.map((g) => field(g, "number"))).toEqual([1, 2, 3, 4]);
    expect(field<string>(ou[3], "text")).toMatch(/^Forebygge og bekæmpe kriminalitet særligt blandt unge/);
    const biu = childrenOf(x, plans[5]!.key, "goal").filter((g) => g.fields.kind === "goal");
    expect(biu.map((g) => field(g, "text"))).toContain(
      "Andelen af etniske minoriteter, der føler sig inkluderet, skal stige.",
    );
  });

  it("reads Socialudvalget's economy lines with their funding category", () => {
    const sou = plans[2]!;
    const activity = (title: string): Candidate => {
      const a = childrenOf(x, sou.key, "initiative").find((c) => c.fields.title === title);
      expect(a, title).toBeDefined();
      return a!;
    };
    expect(field(activity("Hurtig reaktion ved skolefravær"), "funding_status")).toBe("within_frame");
    expect(field(activity("Skolesocialrådgivere"), "funding_status")).toBe("requires_separate_funding");
    expect(field(activity("Skoleskulkerklasser"), "funding_status")).toBe("requires_separate_funding");
    expect(field(activity("Medfinansiering af helhedsplaner"), "funding_status")).toBe("within_frame");
    const years = (title: string) =>
      childrenOf(x, activity(title).key, "budget_line").map((l) => [
        field(l, "year"),
        field(l, "amount_dkk"),
      ]);
    // 49,2 mio. kr. = 12,3 mio. kr. a year until 2014.
    expect(years("Skolesocialrådgivere")).toEqual([2011, 2012, 2013, 2014].map((y) => [y, 12_300_000]));
    expect(years("Udvidelse af dommervagtsprojektet")).toEqual([2011, 2012, 2013].map((y) => [y, 700_000]));
    expect(years("Udvikling af screeningsværktøj")).toEqual([
      [2010, 500_000],
      [2011, 1_500_000],
      [2012, 1_500_000],
    ]);
    expect(years("Implementering af Hjemløsestrategiens indsatser")).toEqual([[null, 250_000_000]]);
    expect(field(activity("Skolesocialrådgivere"), "administration")).toBe("SOF");
  });

  it("warns where the document's own amounts do not add up", () => {
    // "5,75 mio. kr. (2,55 mio. kr. i 2010 samt 3,2 mio. kr. årligt frem til 2013)".
    const warnings = x.warnings.filter((w) => w.code === "budget_total_mismatch");
    expect(warnings.some((w) => w.message.includes("Styrkelse af kontaktpersonindsatsen"))).toBe(true);
    // The urban renewal table: three activities of 60 mio. kr. against "i alt Op til 258 mio. kr.".
    expect(warnings.some((w) => w.message.includes("258000000"))).toBe(true);
  });

  it("reads the funding of measures described in paragraphs", () => {
    expect(field(findBy(x, "initiative", "title", "Fremme social iværksætteri"), "funding_status")).toBe(
      "in_budget_process",
    );
    expect(
      field(findBy(x, "initiative", "title", "Styrket målrettet danskuddannelse"), "funding_status"),
    ).toBe("within_frame");
    expect(
      field(findBy(x, "initiative", "title", "Ansatte i Teknik- og Miljøforvaltningen"), "funding_status"),
    ).toBe("within_frame");
  });

  it("reads a stay of more than 120 days as something to reduce, as its result goal says", () => {
    const stay = ofEntity(x, "indicator").find((c) => /mere end 120 dage/.test(String(c.fields.title)));
    expect(field(stay, "direction")).toBe("decrease");
  });
});
