// DKFDS breadcrumbs (components/breadcrumbs/breadcrumbs.njk): every item but
// the last is a link; the last is the current page, marked aria-current.

import { link } from "../../http/links.ts";
import { Icon } from "./Icon.tsx";
import { html } from "./markup.ts";

export interface Crumb {
  text: string;
  /** Omit for the current page (the last crumb). */
  href?: string;
}

export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  if (items.length === 0) return null;
  const crumbs = items.map((item, i) => {
    const separator = i > 0 && Icon({ name: "chevron-right" });
    return item.href
      ? html`
          <li class="breadcrumbs__list-item">
            ${separator}<a class="breadcrumbs__link" href="${link(item.href)}">${item.text}</a>
          </li>`
      : html`<li class="breadcrumbs__list-item" aria-current="page">${separator}${item.text}</li>`;
  });
  return html`
    <nav class="breadcrumbs" aria-label="Brødkrumme">
      <ol class="breadcrumbs__list">${crumbs}</ol>
    </nav>`;
}
