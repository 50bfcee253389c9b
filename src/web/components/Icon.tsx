// DKFDS icons: an inline sprite of <symbol>s at the top of <body>, referenced
// with <use href="#name"> as DKFDS's own markup does. The full sprite is 53 kB,
// so only the symbols Pejl uses are inlined.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { raw } from "hono/html";
import { DKFDS_DIST } from "../../dkfds.ts";
import { html } from "./markup.ts";

export const ICON_NAMES = [
  "arrow-forward",
  "chevron-left",
  "chevron-right",
  "close",
  "download",
  "error",
  "first-page",
  "info",
  "last-page",
  "lock",
  "menu",
  "open-in-new",
  "search",
  "sort-table-ascending",
  "sort-table-descending",
  "sort-table-none",
  "success",
  "warning",
] as const;
export type IconName = (typeof ICON_NAMES)[number];

function buildSprite(): string {
  const sprite = readFileSync(join(DKFDS_DIST, "img", "all-svg-icons.svg"), "utf8");
  const symbols = ICON_NAMES.map((name) => {
    const m = new RegExp(`<symbol id="${name}"[^>]*>[\\s\\S]*?</symbol>`).exec(sprite);
    if (!m) throw new Error(`DKFDS icon "${name}" is missing from all-svg-icons.svg`);
    return m[0];
  });
  return `<div class="hide-base-svg"><svg xmlns="http://www.w3.org/2000/svg" focusable="false" aria-hidden="true">${symbols.join("")}</svg></div>`;
}

// Static, trusted markup from the dkfds package, built once.
const SPRITE = buildSprite();

/** Put once per page, first in <body> (Layout does this). */
export function IconSprite() {
  return raw(SPRITE);
}

export interface IconProps {
  name: IconName;
  /** Extra classes, e.g. "alert-icon". */
  class?: string;
  /** Gives the icon a text alternative; without it the icon is decorative and hidden. */
  label?: string;
}

export function Icon({ name, class: extra, label }: IconProps) {
  const cls = extra ? `icon-svg ${extra}` : "icon-svg";
  return label
    ? html`<svg class="${cls}" focusable="false" role="img" aria-label="${label}"><use href="#${name}"></use></svg>`
    : html`<svg class="${cls}" focusable="false" aria-hidden="true"><use href="#${name}"></use></svg>`;
}
