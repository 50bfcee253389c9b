// DKFDS pagination (components/pagination/pagination.njk) with real links,
// so paging works without JavaScript. Like DKFDS: up to 7 pages are all
// shown; beyond that the first, the last and the neighbours of the current.

import { link } from "../../http/links.ts";
import { Icon } from "./Icon.tsx";
import { attr, html } from "./markup.ts";

export interface PaginationProps {
  currentPage: number;
  totalPages: number;
  /** URL of a page, e.g. `(p) => "?side=" + p`. */
  href: (page: number) => string;
  /** Names what is paged, for the nav's label: "Sider i resultatlisten". */
  label?: string;
}

type Slot = number | "gap";

/** Which page numbers to show, DKFDS's rule. Exported for tests. */
export function pageSlots(current: number, total: number): Slot[] {
  if (total <= 7) return Array.from({ length: total }, (_, i) => i + 1);
  if (current < 5) return [1, 2, 3, 4, 5, "gap", total];
  if (current + 4 > total) return [1, "gap", total - 4, total - 3, total - 2, total - 1, total];
  return [1, "gap", current - 1, current, current + 1, "gap", total];
}

const GAP = html`
  <li class="pagination-item pagination-overflow">
    <span class="sr-only">Prikker som indikerer skjulte sider</span>
    <span aria-hidden="true">...</span>
  </li>`;

function PageNumber({
  page,
  current,
  total,
  href,
}: {
  page: number;
  current: number;
  total: number;
  href: string;
}) {
  const isCurrent = page === current;
  return html`
    <li class="pagination-item pagination-number">
      <a
        href="${href}"
        class="${isCurrent ? "button current-page" : "button button-secondary"}"
        ${attr("aria-current", isCurrent ? "page" : undefined)}
      >
        <span class="sr-only">${page === total && !isCurrent ? "Sidste side, side " : "Side "}</span>${page}
      </a>
    </li>`;
}

export function Pagination(props: PaginationProps) {
  const total = Math.max(1, Math.floor(props.totalPages));
  const current = Math.min(Math.max(1, Math.floor(props.currentPage)), total);
  if (total <= 1) return null;
  const pageLink = (page: number) => link(props.href(page));
  const backwards =
    current > 1 &&
    html`
      <a href="${pageLink(1)}" class="button button-arrow button-first">
        ${Icon({ name: "first-page" })}<span class="sr-only">Første side</span>
      </a>
      <a href="${pageLink(current - 1)}" class="button button-arrow button-previous">
        ${Icon({ name: "chevron-left" })}
        <span class="pagination-nav-link">Forrige</span>
        <span class="sr-only"> side</span>
      </a>`;
  const forwards =
    current < total &&
    html`
      <a href="${pageLink(current + 1)}" class="button button-arrow button-next">
        <span class="pagination-nav-link">Næste</span>
        <span class="sr-only"> side</span>
        ${Icon({ name: "chevron-right" })}
      </a>
      <a href="${pageLink(total)}" class="button button-arrow button-last">
        ${Icon({ name: "last-page" })}<span class="sr-only">Sidste side</span>
      </a>`;
  const slots = pageSlots(current, total).map((slot) =>
    slot === "gap" ? GAP : PageNumber({ page: slot, current, total, href: pageLink(slot) }),
  );
  return html`
    <nav class="pagination" aria-label="${props.label ?? "Sider"}">
      ${backwards}
      <span class="pagination-mobile">Side ${current} af ${total}</span>
      <ul class="pagination__items">${slots}</ul>
      ${forwards}
    </nav>`;
}
