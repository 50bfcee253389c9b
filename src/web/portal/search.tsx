// /soeg?q=: hits grouped by kind, ranked, with the matched words highlighted;
// spelling suggestions when nothing is found; a helpful text for an empty or
// too long query (never an error page).
import { raw } from "hono/html";
import { link } from "../../http/links.ts";
import type { SearchKind, SearchResult } from "../../queries/search.ts";
import { MAX_QUERY_LENGTH, PER_KIND, searchKinds } from "../../queries/search.ts";
import { Alert } from "../components/Alert.tsx";
import { Layout } from "../components/Layout.tsx";
import { SearchForm } from "../components/SearchForm.tsx";

const kindHeadings: Record<SearchKind, string> = {
  policy: "Politikker og handleplaner",
  initiative: "Initiativer",
  goal: "Mål",
  indicator: "Indikatorer",
};

export type SearchState =
  | { kind: "empty" }
  | { kind: "too_long"; q: string }
  | {
      kind: "results";
      q: string;
      result: SearchResult;
      suggestion?: string;
      /** One kind's hits only, page by page. */
      only?: SearchKind;
      page?: number;
    };

export function searchPage(props: { organisation: string; state: SearchState }) {
  const { state } = props;
  const q = state.kind === "empty" ? "" : state.q;
  return (
    <Layout
      title={q ? `Søgning: ${q.slice(0, 60)}` : "Søg"}
      organisation={props.organisation}
      currentPath="/soeg"
      breadcrumbs={[{ text: "Forside", href: "/" }, { text: "Søg" }]}
    >
      <h1>Søg</h1>
      <SearchForm id="soeg" value={q} />
      {state.kind === "empty" && (
        <p>
          Skriv et eller flere ord, fx »beskæftigelse« eller »handicap«. Du kan sætte ord i anførselstegn for
          at søge på en hel sætning.
        </p>
      )}
      {state.kind === "too_long" && (
        <Alert variant="info" heading="Søgningen er for lang">
          {`Skriv højst ${MAX_QUERY_LENGTH} tegn. Prøv med nogle få ord.`}
        </Alert>
      )}
      {state.kind === "results" && <Results state={state} />}
    </Layout>
  );
}

function Results({ state }: { state: Extract<SearchState, { kind: "results" }> }) {
  const { result } = state;
  if (result.total === 0) {
    return (
      <>
        <h2>Ingen resultater for »{state.q}«</h2>
        {state.suggestion ? (
          <p>
            Mente du <a href={link(`/soeg?q=${encodeURIComponent(state.suggestion)}`)}>{state.suggestion}</a>?
          </p>
        ) : (
          <p>
            Prøv med andre eller færre ord, eller se listen over{" "}
            <a href={link("/initiativer")}>alle initiativer</a>.
          </p>
        )}
      </>
    );
  }
  return (
    <>
      <h2>
        {result.total === 1 ? "1 resultat" : `${result.total} resultater`} for »{state.q}«
      </h2>
      {searchKinds.map((kind) => {
        const hits = result.hits.get(kind) ?? [];
        const count = result.counts.get(kind) ?? 0;
        if (hits.length === 0) return null;
        return (
          <section aria-labelledby={`hits-${kind}`}>
            <h3 id={`hits-${kind}`}>
              {kindHeadings[kind]} ({count})
            </h3>
            {state.only ? (
              <Pager q={state.q} kind={kind} page={state.page ?? 1} count={count} />
            ) : (
              count > hits.length && (
                <p>
                  De {hits.length} bedste vises.{" "}
                  <a href={link(searchHref(state.q, kind, 1))}>
                    Se alle {count} {kindHeadings[kind].toLowerCase()}
                  </a>
                </p>
              )
            )}
            <ol class="search-hits">
              {hits.map((hit) => (
                <li>
                  <a href={link(hit.href)}>{hit.title}</a>
                  {/* Escaped in queries/search.ts; only <mark> is markup. */}
                  <p class="search-headline">{raw(hit.headlineHtml)}</p>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </>
  );
}

function searchHref(q: string, kind: SearchKind, page: number): string {
  return `/soeg?q=${encodeURIComponent(q)}&type=${kind}${page > 1 ? `&side=${page}` : ""}`;
}

/** "Side 2 af 3" with the previous and next pages, and the way back to every kind. */
function Pager(props: { q: string; kind: SearchKind; page: number; count: number }) {
  const pages = Math.max(1, Math.ceil(props.count / PER_KIND));
  const first = (props.page - 1) * PER_KIND + 1;
  const last = Math.min(props.count, props.page * PER_KIND);
  return (
    <nav class="pagination" aria-label={`Sider med ${kindHeadings[props.kind].toLowerCase()}`}>
      <p>
        {props.count > 0 && first <= last ? `Viser ${first}–${last} af ${props.count}. ` : ""}Side{" "}
        {Math.min(props.page, pages)} af {pages}.
      </p>
      <ul class="nobullet-list inline-list">
        {props.page > 1 && (
          <li>
            <a href={link(searchHref(props.q, props.kind, Math.min(props.page - 1, pages)))} rel="prev">
              Forrige side
            </a>
          </li>
        )}
        {props.page < pages && (
          <li>
            <a href={link(searchHref(props.q, props.kind, props.page + 1))} rel="next">
              Næste side
            </a>
          </li>
        )}
        <li>
          <a href={link(`/soeg?q=${encodeURIComponent(props.q)}`)}>Alle slags resultater</a>
        </li>
      </ul>
    </nav>
  );
}
