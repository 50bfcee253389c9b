// Accessibility checks for the browser tests: axe for the WCAG 2.1 A/AA
// rules, and a keyboard walk that tabs through a page and checks that every
// stop is visible and visibly focused (WCAG 2.1.1, 2.4.3, 2.4.7), which axe
// cannot judge.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

type Result = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page with the WCAG 2.0/2.1 A and AA rules; returns the violations. */
export async function axe(page: Page): Promise<Result[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations;
}

/** One line per failing node, for an assertion message a person can act on. */
export function formatViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? "?"}): ${v.help} at ${n.target.join(" ")}`))
    .join("\n");
}

export interface FocusStop {
  /** Short description: tag, id/class, text or label. */
  element: string;
  /** The element has a size and is not hidden. */
  visible: boolean;
  /** Focused and unfocused styles differ in outline, box-shadow, border or background. */
  hasFocusIndicator: boolean;
}

export interface KeyboardWalkResult {
  stops: FocusStop[];
  /** Human-readable problems: invisible stops, stops without a focus indicator. */
  problems: string[];
}

// Runs in the page. Snapshots the styles that can show focus, on the element,
// its pseudo-elements, and its <label>s (DKFDS draws a focused checkbox's ring
// on label::before, the input itself being visually hidden).
const SNAPSHOT_FN = `(el) => {
  const props = ["outline-style", "outline-width", "outline-color", "box-shadow", "border-top-color",
    "border-bottom-color", "border-bottom-width", "background-color", "text-decoration-line", "color"];
  const take = (node, pseudo) => {
    const cs = getComputedStyle(node, pseudo);
    return props.map((p) => cs.getPropertyValue(p)).join("|");
  };
  const nodes = [el, ...(el.labels ? Array.from(el.labels) : [])];
  return nodes.flatMap((n) => [take(n, null), take(n, "::before"), take(n, "::after")]).join("#");
}`;

/**
 * Presses Tab until focus leaves the page or comes back to the first stop (at
 * most `maxSteps` times), recording each focused element. A stop passes when
 * it is visible and its computed focus styles differ from its unfocused ones.
 */
export async function keyboardWalk(page: Page, maxSteps = 200): Promise<KeyboardWalkResult> {
  // Start from the top of the document, whatever has focus now (DKFDS focuses
  // an error summary on load): focus a temporary, unfocusable-by-Tab marker
  // placed first in <body>, so the first Tab goes to the first real stop.
  await page.evaluate(() => {
    const marker = document.createElement("span");
    marker.tabIndex = -1;
    marker.id = "keyboard-walk-start";
    document.body.prepend(marker);
    marker.focus();
    window.scrollTo(0, 0);
  });
  const stops: FocusStop[] = [];
  const problems: string[] = [];
  let first: string | undefined;

  for (let i = 0; i < maxSteps; i++) {
    await page.keyboard.press("Tab");
    if (i === 0) await page.evaluate(() => document.getElementById("keyboard-walk-start")?.remove());
    const info = await page.evaluate(`(() => {
      const snapshot = ${SNAPSHOT_FN};
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const rect = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      const visible = rect.width > 0 && rect.height > 0 && cs.visibility !== "hidden" && cs.display !== "none";
      const text = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("name") || "").trim().replace(/\\s+/g, " ").slice(0, 40);
      const id = el.id ? "#" + el.id : (el.getAttribute("class") ? "." + el.getAttribute("class").trim().split(/\\s+/).join(".") : "");
      const key = el.tagName.toLowerCase() + id + (el.getAttribute("href") ? "[" + el.getAttribute("href") + "]" : "") + " \\"" + text + "\\"";
      const focused = snapshot(el);
      // Compare with the unfocused look, then give focus back so Tab continues from here.
      el.blur();
      const unfocused = snapshot(el);
      el.focus({ preventScroll: true });
      return { key, visible, hasFocusIndicator: focused !== unfocused };
    })()`);
    if (!info) break;
    const stop = info as { key: string; visible: boolean; hasFocusIndicator: boolean };
    if (stop.key === first) break;
    first ??= stop.key;
    stops.push({ element: stop.key, visible: stop.visible, hasFocusIndicator: stop.hasFocusIndicator });
    if (!stop.visible) problems.push(`focus on an invisible element: ${stop.key}`);
    else if (!stop.hasFocusIndicator) problems.push(`no visible focus indicator: ${stop.key}`);
  }
  return { stops, problems };
}
