// DKFDS search field (components/search/search.njk) inside a GET form, so a
// search is a plain URL (/soeg?q=…) and works without JavaScript.

import { link } from "../../http/links.ts";
import { Icon } from "./Icon.tsx";
import { attr, html } from "./markup.ts";

export interface SearchFormProps {
  action?: string;
  /** Query parameter name. */
  name?: string;
  /** The current query, to show it again above the results. */
  value?: string;
  /** Visible label; DKFDS hides it by default, we show it unless `labelHidden`. */
  label?: string;
  labelHidden?: boolean;
  id?: string;
}

// role="search" on the form, not <search>: that element is too new for the browsers a
// municipality must serve, and the role is the established equivalent.
export function SearchForm(props: SearchFormProps) {
  const id = props.id ?? "search";
  return html`
    <form method="get" action="${link(props.action ?? "/soeg")}" role="search" class="search-form">
      <label for="${id}" class="${props.labelHidden ? "sr-only" : "form-label"}">
        ${props.label ?? "Søg i politikker, mål, indikatorer og initiativer"}
      </label>
      <div class="form-group search">
        <input class="form-input" id="${id}" name="${props.name ?? "q"}" type="search"${attr("value", props.value)}/>
        <button class="button button-search" type="submit">
          ${Icon({ name: "search", class: "m-0" })}<span class="sr-only">Søg</span>
        </button>
      </div>
    </form>`;
}
