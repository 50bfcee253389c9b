// SVG → PNG for the Word report (docx embeds images, not SVG), with resvg's
// prebuilt binary from the npm package. Fonts come from DKFDS's IBM Plex Sans
// files and system fonts are not loaded, so the image is the same on every
// machine.
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Resvg, type ResvgRenderOptions, renderAsync } from "@resvg/resvg-js";
import { DKFDS_DIST } from "../dkfds.ts";

const FONT_DIR = join(DKFDS_DIST, "fonts", "IBMPlexSans", "complete", "ttf");
// Only the faces the charts draw with: regular, and SemiBold for font-weight
// 600 (labels). resvg reads every listed file for every image, and the other
// faces changed no pixel of any chart.
const FONT_FILES = readdirSync(FONT_DIR)
  .filter((f) => /^IBMPlexSans-(Regular|SemiBold)\.ttf$/.test(f))
  .map((f) => join(FONT_DIR, f));

const options = (width: number): ResvgRenderOptions => ({
  fitTo: { mode: "width", value: Math.round(width) },
  background: "white",
  font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: "IBM Plex Sans" },
});

/** Renders `svg` to a PNG `width` pixels wide (height keeps the aspect ratio), on white. */
export function svgToPng(svg: string, width: number): Buffer {
  return new Resvg(svg, options(width)).render().asPng();
}

/**
 * svgToPng for many images, same bytes. resvg parses and draws in libuv's
 * thread pool (renderAsync), a few at a time, so the images are drawn on
 * several cores and the event loop stays free for other requests while a
 * report with many charts is made; only the PNG encoding runs here.
 */
export async function svgsToPng(svgs: readonly string[], width: number): Promise<Buffer[]> {
  const out: Buffer[] = new Array(svgs.length);
  let next = 0;
  const worker = async () => {
    while (next < svgs.length) {
      const i = next++;
      out[i] = (await renderAsync(svgs[i]!, options(width))).asPng();
    }
  };
  const lanes = Math.min(svgs.length, Math.max(2, availableParallelism()));
  await Promise.all(Array.from({ length: lanes }, worker));
  return out;
}
