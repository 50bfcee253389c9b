// Front page: the policies in force and the earlier ones (archived apart), each
// with period, owner and a progress summary, and the search box.

import { link } from "../../http/links.ts";
import type { PolicySummary } from "../../queries/policies/policies.ts";
import { inForce } from "../../queries/policies/policies.ts";
import { Layout } from "../components/Layout.tsx";
import { SearchForm } from "../components/SearchForm.tsx";
import { InitiativeCounts, kindLabel, Lead, OpenDataLinks, ProgressCounts, periodText } from "./common.tsx";

export function PolicySummaryItem({ policy, level = 3 }: { policy: PolicySummary; level?: 2 | 3 }) {
  const H = `h${level}` as "h3";
  const headingId = `p-${policy.id}`;
  const owner = policy.ownerName ?? policy.committeeName;
  return (
    <li class="policy-summary">
      <article aria-labelledby={headingId}>
        <H id={headingId} class="policy-summary-title">
          <a href={link(`/politikker/${policy.slug}`)}>{policy.title}</a>
        </H>
        <p class="policy-summary-meta">
          {kindLabel(policy.kind)}
          {periodText(policy) && `, ${periodText(policy)}`}
          {owner && `. Ansvarlig: ${owner}`}
        </p>
        <dl class="summary-list">
          <div class="summary-list-row">
            <dt>Indikatorer ({policy.indicatorTotal})</dt>
            <dd>
              <ProgressCounts counts={policy.indicatorCounts} />
            </dd>
          </div>
          <div class="summary-list-row">
            <dt>Initiativer ({policy.initiativeTotal})</dt>
            <dd>
              <InitiativeCounts counts={policy.initiativeCounts} />
            </dd>
          </div>
          <div class="summary-list-row">
            <dt>Afventer finansiering</dt>
            <dd>
              {policy.awaitingFunding === 0
                ? "Ingen initiativer"
                : `${policy.awaitingFunding} ${policy.awaitingFunding === 1 ? "initiativ" : "initiativer"} (kræver særskilt finansiering eller indgår i budgetprocessen)`}
            </dd>
          </div>
        </dl>
      </article>
    </li>
  );
}

export function groupPolicies(list: readonly PolicySummary[], year: number) {
  const archived = list.filter((p) => p.status === "archived");
  const rest = list.filter((p) => p.status !== "archived");
  const dated = rest.filter((p) => p.periodStart !== null || p.periodEnd !== null);
  return {
    current: dated.filter((p) => inForce(p, year)),
    earlier: dated.filter((p) => !inForce(p, year)),
    undated: rest.filter((p) => p.periodStart === null && p.periodEnd === null),
    archived,
  };
}

export function PolicyGroups(props: { policies: readonly PolicySummary[]; year: number }) {
  const groups = groupPolicies(props.policies, props.year);
  return (
    <>
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">Gældende politikker og handleplaner</h2>
        {groups.current.length === 0 ? (
          <p>Ingen registrerede politikker gælder for {props.year}. Se de tidligere nedenfor.</p>
        ) : (
          <ul class="nobullet-list no-max-width policy-list">
            {groups.current.map((p) => (
              <PolicySummaryItem policy={p} />
            ))}
          </ul>
        )}
      </section>
      {groups.earlier.length > 0 && (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">Tidligere politikker og handleplaner</h2>
          <ul class="nobullet-list no-max-width policy-list">
            {groups.earlier.map((p) => (
              <PolicySummaryItem policy={p} />
            ))}
          </ul>
        </section>
      )}
      {groups.undated.length > 0 && (
        <section aria-labelledby="undated-heading">
          <h2 id="undated-heading">Uden angivet periode</h2>
          <ul class="nobullet-list no-max-width policy-list">
            {groups.undated.map((p) => (
              <PolicySummaryItem policy={p} />
            ))}
          </ul>
        </section>
      )}
      {groups.archived.length > 0 && (
        <section aria-labelledby="archived-heading">
          <h2 id="archived-heading">Arkiverede</h2>
          <ul class="nobullet-list no-max-width policy-list">
            {groups.archived.map((p) => (
              <PolicySummaryItem policy={p} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function homePage(props: { organisation: string; policies: readonly PolicySummary[]; year: number }) {
  return (
    <Layout title="Pejl" organisation={props.organisation} currentPath="/">
      <h1>Ligestilling og inklusion i {props.organisation}</h1>
      <Lead>
        Politikker, mål og konkrete initiativer: hvem gør hvad, for hvem og for hvilke midler, og om tallene
        bevæger sig mod målene.
      </Lead>
      <SearchForm id="forside-soeg" />
      {props.policies.length === 0 ? (
        <p>Der er endnu ikke registreret nogen politikker.</p>
      ) : (
        <PolicyGroups policies={props.policies} year={props.year} />
      )}
      <p>
        <a href={link("/initiativer")}>Se alle initiativer</a> ·{" "}
        <a href={link("/ligestillingsgrunde")}>Se alt om hver diskriminationsgrund</a>
      </p>
      <OpenDataLinks
        links={[
          { href: "/data/policies.csv", text: "Politikker (CSV)" },
          { href: "/data/pejl-datapakke.zip", text: "Hele datapakken (zip)" },
        ]}
      />
    </Layout>
  );
}
