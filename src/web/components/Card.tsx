// DKFDS card (components/cards/cards.njk) and a summary list of label/value
// pairs. A navigation card is one link (DKFDS's navigationCard), so the whole
// card is the click target and its heading is the link text.
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { link } from "../../http/links.ts";
import { Icon } from "./Icon.tsx";
import { html } from "./markup.ts";

export interface CardProps {
  heading: string;
  headingLevel?: 2 | 3 | 4;
  subheading?: string;
  /** Makes the whole card a link. */
  href?: string;
  children?: Child;
}

export function Card({ heading, headingLevel = 2, subheading, href, children }: CardProps) {
  const tag = raw(`h${headingLevel}`);
  const content = html`
    <div class="card-content">
      ${subheading && html`<span class="card-subheading">${subheading}</span>`}
      <${tag} class="card-heading">${heading}</${tag}>
      ${children}
    </div>`;
  return href
    ? html`<a class="card" href="${link(href)}">${content}${Icon({ name: "arrow-forward", class: "card-icon" })}</a>`
    : html`<div class="card">${content}</div>`;
}

export interface SummaryItem {
  label: string;
  value: Child;
}

/** Label/value pairs as a description list (key facts of a policy or initiative). */
export function SummaryList({ items }: { items: readonly SummaryItem[] }) {
  const rows = items.map(
    (item) => html`<div class="summary-list-row"><dt>${item.label}</dt><dd>${item.value}</dd></div>`,
  );
  return html`<dl class="summary-list">${rows}</dl>`;
}
