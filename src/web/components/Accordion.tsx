// DKFDS accordion (components/accordion/accordion.njk). Rendered open, so the
// content is there without JavaScript; items with `expanded: false` carry
// data-collapsed and init.js closes them before DKFDS wires the buttons.
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { attr, html } from "./markup.ts";

export interface AccordionItem {
  title: string;
  content: Child;
  /** Open when the page loads (with JavaScript; without, all are open). */
  expanded?: boolean;
}

export interface AccordionProps {
  /** Prefix of the panel ids; unique on the page. */
  id: string;
  items: readonly AccordionItem[];
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

export function Accordion({ id, items, headingLevel = 3 }: AccordionProps) {
  const tag = raw(`h${headingLevel}`);
  const entries = items.map((item, i) => {
    const panelId = `${id}-${i + 1}`;
    return html`
      <li>
        <${tag}>
          <button
            type="button"
            class="accordion-button"
            aria-expanded="true"
            aria-controls="${panelId}"
            ${attr("data-collapsed", item.expanded ? undefined : "")}
          >
            <span class="accordion-title">${item.title}</span>
          </button>
        </${tag}>
        <div id="${panelId}" aria-hidden="false" class="accordion-content">${item.content}</div>
      </li>`;
  });
  return html`<ul class="accordion">${entries}</ul>`;
}
