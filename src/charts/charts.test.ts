import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { barAltText, lineAltText } from "./altText.ts";
import { barChart } from "./barChart.ts";
import { COLORS, niceDomain, spreadLabels, yearTicks } from "./common.ts";
import { lineChart } from "./lineChart.ts";
import { svgsToPng, svgToPng } from "./png.ts";
import { sparkline } from "./sparkline.ts";

const series = [
  { period: "2018", year: 2018, value: 62 },
  { period: "2019", year: 2019, value: 63 },
  { period: "2020", year: 2020, value: 65 },
  { period: "2021", year: 2021, value: 66 },
];
const baseline = { value: 62, period: "2018" };
const target = { value: 70, period: "2022" };

function parseSvg(svg: string) {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement;
  expect(root?.tagName.toLowerCase()).toBe("svg");
  return root as unknown as Element;
}

/** WCAG relative luminance contrast of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (l + 0.05);
}

describe("lineChart", () => {
  const { svg, altText } = lineChart({ title: "Andel i beskæftigelse", unit: "%", series, baseline, target });
  const root = parseSvg(svg);

  it("is a standalone, labelled image", () => {
    expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(root.getAttribute("role")).toBe("img");
    const titleId = root.getAttribute("aria-labelledby");
    const descId = root.getAttribute("aria-describedby");
    expect(root.querySelector(`title[id="${titleId}"]`)?.textContent).toBe("Andel i beskæftigelse");
    expect(root.querySelector(`desc[id="${descId}"]`)?.textContent).toBe(altText);
  });

  it("says it in Danish", () => {
    expect(altText).toBe("Fra 62 % i 2018 til 66 % i 2021; målet er 70 % i 2022.");
  });

  it("labels the target and the baseline in text", () => {
    const texts = Array.from(root.querySelectorAll("text")).map((t) => t.textContent ?? "");
    expect(texts.some((t) => t.startsWith("Mål: 70 %"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Udgangspunkt: 62 %"))).toBe(true);
  });

  it("has unique integer year ticks", () => {
    const wide = lineChart({
      title: "Tyve år",
      unit: "%",
      series: Array.from({ length: 20 }, (_, i) => ({ period: String(2005 + i), year: 2005 + i, value: i })),
    });
    for (const chart of [root, parseSvg(wide.svg)]) {
      const group = Array.from(chart.querySelectorAll("g")).find((g) =>
        Array.from(g.querySelectorAll("text")).some((t) => /^20\d\d$/.test(t.textContent ?? "")),
      );
      const ticks = Array.from(group?.querySelectorAll("text") ?? []).map((t) => t.textContent ?? "");
      expect(ticks.length).toBeGreaterThan(1);
      for (const t of ticks) expect(t).toMatch(/^\d{4}$/);
      expect(new Set(ticks).size).toBe(ticks.length);
    }
  });

  it("keeps no <style> (CSP) and no aria-label inside the image", () => {
    expect(svg).not.toContain("<style");
    expect(svg).not.toContain("style=");
    expect(root.querySelectorAll("[aria-label]").length).toBe(0);
  });

  it("uses colours with at least 3:1 contrast against white, and dashes besides colour", () => {
    const colours = new Set(
      Array.from(root.querySelectorAll("[stroke], [fill]"))
        .flatMap((el) => [el.getAttribute("stroke"), el.getAttribute("fill")])
        .filter((c): c is string => !!c && /^#[0-9a-f]{6}$/i.test(c)),
    );
    expect(colours.size).toBeGreaterThan(2);
    for (const c of colours) expect(contrastWithWhite(c), c).toBeGreaterThanOrEqual(3);
    for (const c of [COLORS.baseline, COLORS.target, COLORS.bar, ...COLORS.series]) {
      expect(contrastWithWhite(c), c).toBeGreaterThanOrEqual(4.5);
    }
    expect(svg).toContain('stroke-dasharray="8,4"');
    expect(svg).toContain('stroke-dasharray="2,4"');
  });

  it("escapes text: a <script> title stays text", () => {
    const evil = lineChart({ title: "<script>alert(1)</script>", unit: "<b>", series });
    expect(evil.svg).not.toContain("<script>");
    expect(evil.svg).toContain("&lt;script&gt;");
    expect(parseSvg(evil.svg).querySelector("title")?.textContent).toBe("<script>alert(1)</script>");
  });

  it("draws a breakdown as separate, named series with their own shapes", () => {
    const split = lineChart({
      title: "Fordelt på køn",
      unit: "%",
      series: [
        ...series.map((p) => ({ ...p, label: "Kvinder" })),
        ...series.map((p) => ({ ...p, value: p.value - 3, label: "Mænd" })),
      ],
    });
    const texts = Array.from(parseSvg(split.svg).querySelectorAll("text")).map((t) => t.textContent);
    expect(texts).toContain("Kvinder");
    expect(texts).toContain("Mænd");
    expect(split.altText).toBe(
      "Kvinder: fra 62 % i 2018 til 66 % i 2021. Mænd: fra 59 % i 2018 til 63 % i 2021.",
    );
  });

  it("copes with no observations", () => {
    const empty = lineChart({ title: "Tom", unit: "%", series: [], target });
    parseSvg(empty.svg);
    expect(empty.altText).toBe("Der er endnu ingen målinger; målet er 70 % i 2022.");
  });

  it("is deterministic, so a locked round's report renders identically", () => {
    const again = lineChart({ title: "Andel i beskæftigelse", unit: "%", series, baseline, target });
    expect(again.svg).toBe(svg);
  });

  it("renders in reasonable time (printed, not asserted)", () => {
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) lineChart({ title: `Bench ${i}`, unit: "%", series, baseline, target });
    console.log(`lineChart: ${((performance.now() - t0) / 10).toFixed(1)} ms per chart`);
  });
});

describe("barChart and sparkline", () => {
  it("draws budget bars with value labels and a Danish summary", () => {
    const { svg, altText } = barChart({
      title: "Budget",
      unit: "kr.",
      altLead: "Budget pr. år",
      bars: [
        { year: 2023, value: 1_500_000 },
        { year: 2022, value: 1_200_000 },
      ],
    });
    const root = parseSvg(svg);
    expect(root.getAttribute("role")).toBe("img");
    const texts = Array.from(root.querySelectorAll("text")).map((t) => t.textContent);
    expect(texts).toContain("1,2 mio. kr.");
    expect(texts.filter((t) => t === "2022")).toHaveLength(1);
    expect(altText).toBe("Budget pr. år: 2022: 1,2 mio. kr.; 2023: 1,5 mio. kr. I alt 2,7 mio. kr.");
  });

  it("draws a small, labelled sparkline", () => {
    const { svg, altText } = sparkline({ title: "Beskæftigelse", unit: "%", series, target });
    const root = parseSvg(svg);
    expect(root.getAttribute("width")).toBe("120");
    expect(root.querySelector("title")?.textContent).toBe("Beskæftigelse");
    expect(altText).toContain("målet er 70 %");
  });
});

describe("chart helpers", () => {
  it.each([
    [2018, 2022, 10, [2018, 2019, 2020, 2021, 2022]],
    [2005, 2024, 8, [2005, 2008, 2011, 2014, 2017, 2020, 2023]],
    [2018.5, 2019.25, 5, [2018, 2019, 2020]],
  ])("yearTicks(%s, %s, %s)", (lo, hi, max, expected) => {
    expect(yearTicks(lo, hi, max)).toEqual(expected);
  });

  it("rounds domains outwards to nice numbers", () => {
    expect(niceDomain(60.8, 71.2)).toEqual([60, 72]);
    expect(niceDomain(0, 1_650_000)).toEqual([0, 2_000_000]);
  });

  it("pushes end labels apart", () => {
    expect(spreadLabels([100, 104], 16)).toEqual([0, 12]);
    expect(spreadLabels([50, 10], 16)).toEqual([0, 0]);
  });

  it("writes alt texts for edge cases", () => {
    expect(lineAltText([{ period: "2019", year: 2019, value: 5 }], "personer")).toBe("5 personer i 2019.");
    expect(lineAltText(series, "%", { value: 60, period: "2017" })).toBe(
      "Udgangspunktet er 60 % i 2017. Fra 62 % i 2018 til 66 % i 2021.",
    );
    expect(barAltText([], "kr.")).toBe("Der er ingen beløb.");
  });
});

describe("svgToPng", () => {
  it("renders a PNG of the requested width", () => {
    const { svg } = lineChart({ title: "Andel", unit: "%", series, baseline, target });
    const png = svgToPng(svg, 1280);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(640);
  });

  it("renders many SVGs in parallel to the same PNGs, in order", async () => {
    const svgs = [
      lineChart({ title: "Andel", unit: "%", series, baseline, target }).svg,
      barChart({ title: "Budget", unit: "kr.", bars: [{ year: 2023, value: 1_500_000 }] }).svg,
      lineChart({ title: "Andel", unit: "%", series: series.slice(0, 2) }).svg,
    ];
    const pngs = await svgsToPng(svgs, 800);
    expect(pngs).toHaveLength(3);
    for (const [i, png] of pngs.entries()) expect(png.equals(svgToPng(svgs[i]!, 800))).toBe(true);
    expect(pngs[0]!.equals(pngs[2]!)).toBe(false);
  });
});
