// 404 in Danish. The lead mounts it: c.html(notFoundPage(), 404).

import { link } from "../../http/links.ts";
import { Layout } from "../components/Layout.tsx";
import { SearchForm } from "../components/SearchForm.tsx";

export interface ErrorPageOptions {
  organisation?: string;
  /** "admin" shows the page inside the admin header. */
  variant?: "portal" | "admin";
}

export function notFoundPage(opts: ErrorPageOptions = {}) {
  return (
    <Layout title="Siden findes ikke" organisation={opts.organisation} variant={opts.variant}>
      <h1>Siden findes ikke</h1>
      <p class="font-lead">Vi kan ikke finde den side, du leder efter.</p>
      <p>Siden kan være flyttet eller slettet, eller der kan være en stavefejl i adressen.</p>
      <ul>
        <li>
          <a href={link("/")}>Gå til forsiden</a>
        </li>
        <li>
          <a href={link("/politikker")}>Se alle politikker</a>
        </li>
      </ul>
      <SearchForm id="notfound-search" label="Eller søg efter det, du leder efter" />
    </Layout>
  );
}
