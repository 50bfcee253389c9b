// DKFDS breadcrumbs (components/breadcrumbs/breadcrumbs.njk): every item but
// the last is a link; the last is the current page, marked aria-current.

import { link } from "../../http/links.ts";
import { Icon } from "./Icon.tsx";

export interface Crumb {
  text: string;
  /** Omit for the current page (the last crumb). */
  href?: string;
}

export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  if (items.length === 0) return null;
  return (
    <nav class="breadcrumbs" aria-label="Brødkrumme">
      <ol class="breadcrumbs__list">
        {items.map((item, i) =>
          item.href ? (
            <li class="breadcrumbs__list-item">
              {i > 0 && <Icon name="chevron-right" />}
              <a class="breadcrumbs__link" href={link(item.href)}>
                {item.text}
              </a>
            </li>
          ) : (
            <li class="breadcrumbs__list-item" aria-current="page">
              {i > 0 && <Icon name="chevron-right" />}
              {item.text}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
