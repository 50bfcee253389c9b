// SVG → PNG for the Word report (docx embeds images, not SVG), with resvg's
// prebuilt binary from the npm package. Fonts come from DKFDS's IBM Plex Sans
// files and system fonts are not loaded, so the image is the same on every
// machine.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { DKFDS_DIST } from "../assets.ts";

const FONT_DIR = join(DKFDS_DIST, "fonts", "IBMPlexSans", "complete", "ttf");
const FONT_FILES = readdirSync(FONT_DIR)
  .filter((f) => /^IBMPlexSans-(Regular|Italic|Medium|SemiBold|Bold)\.ttf$/.test(f))
  .map((f) => join(FONT_DIR, f));

/** Renders `svg` to a PNG `width` pixels wide (height keeps the aspect ratio), on white. */
export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.round(width) },
    background: "white",
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: "IBM Plex Sans" },
  });
  return resvg.render().asPng();
}
