// DKFDS pagination (components/pagination/pagination.njk) with real links,
// so paging works without JavaScript. Like DKFDS: up to 7 pages are all
// shown; beyond that the first, the last and the neighbours of the current.

import { link } from "../../http/links.ts";
import { Icon } from "./Icon.tsx";

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

export function Pagination(props: PaginationProps) {
  const total = Math.max(1, Math.floor(props.totalPages));
  const current = Math.min(Math.max(1, Math.floor(props.currentPage)), total);
  if (total <= 1) return null;
  const first = current === 1;
  const last = current === total;
  return (
    <nav class="pagination" aria-label={props.label ?? "Sider"}>
      {!first && (
        <a href={link(props.href(1))} class="button button-arrow button-first">
          <Icon name="first-page" />
          <span class="sr-only">Første side</span>
        </a>
      )}
      {!first && (
        <a href={link(props.href(current - 1))} class="button button-arrow button-previous">
          <Icon name="chevron-left" />
          <span class="pagination-nav-link">Forrige</span>
          <span class="sr-only"> side</span>
        </a>
      )}
      <span class="pagination-mobile">
        Side {current} af {total}
      </span>
      <ul class="pagination__items">
        {pageSlots(current, total).map((slot) =>
          slot === "gap" ? (
            <li class="pagination-item pagination-overflow">
              <span class="sr-only">Prikker som indikerer skjulte sider</span>
              <span aria-hidden="true">...</span>
            </li>
          ) : (
            <li class="pagination-item pagination-number">
              <a
                href={link(props.href(slot))}
                class={slot === current ? "button current-page" : "button button-secondary"}
                aria-current={slot === current ? "page" : undefined}
              >
                <span class="sr-only">
                  {slot === total && slot !== current ? "Sidste side, side " : "Side "}
                </span>
                {slot}
              </a>
            </li>
          ),
        )}
      </ul>
      {!last && (
        <a href={link(props.href(current + 1))} class="button button-arrow button-next">
          <span class="pagination-nav-link">Næste</span>
          <span class="sr-only"> side</span>
          <Icon name="chevron-right" />
        </a>
      )}
      {!last && (
        <a href={link(props.href(total))} class="button button-arrow button-last">
          <Icon name="last-page" />
          <span class="sr-only">Sidste side</span>
        </a>
      )}
    </nav>
  );
}
