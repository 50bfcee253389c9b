// Front page: the registry, policy by policy, with its goals and initiatives.

import { fundingStatusLabels, policyKindLabels } from "../../domain/labels.ts";
import type { registryOverview } from "../../queries/registry.ts";
import { Layout } from "../components/Layout.tsx";

type Overview = Awaited<ReturnType<typeof registryOverview>>;

function period(p: { periodStart: number | null; periodEnd: number | null }) {
  if (!p.periodStart) return "";
  return p.periodEnd && p.periodEnd !== p.periodStart
    ? `${p.periodStart}–${p.periodEnd}`
    : String(p.periodStart);
}

export function homePage(props: { organisation: string; overview: Overview }) {
  return (
    <Layout title="Pejl" organisation={props.organisation} currentPath="/">
      <h1>Ligestilling og inklusion i {props.organisation}</h1>
      <p class="font-lead">
        Politikker, mål og konkrete initiativer – hvem gør hvad, for hvem og for hvilke midler.
      </p>
      {props.overview.length === 0 && <p>Der er endnu ikke registreret nogen politikker.</p>}
      {props.overview.map((policy) => (
        <section aria-labelledby={`p-${policy.id}`}>
          <h2 id={`p-${policy.id}`}>
            <a href={`/politikker/${policy.slug}`}>{policy.title}</a>
          </h2>
          <p>
            {policyKindLabels[policy.kind as keyof typeof policyKindLabels] ?? policy.kind}
            {period(policy) && `, ${period(policy)}`}
            {policy.ownerName && `. Ansvarlig: ${policy.ownerName}`}
          </p>
          {policy.goals.length > 0 && (
            <>
              <h3>Mål ({policy.goals.length})</h3>
              <ol>
                {policy.goals.map((goal) => (
                  <li>{goal.text}</li>
                ))}
              </ol>
            </>
          )}
          {policy.initiatives.length > 0 && (
            <>
              <h3>Initiativer ({policy.initiatives.length})</h3>
              <ul>
                {policy.initiatives.map((initiative) => (
                  <li>
                    <a href={`/initiativer/${initiative.id}`}>{initiative.title}</a>
                    {initiative.administrationCode && ` (${initiative.administrationCode})`} –{" "}
                    {fundingStatusLabels[initiative.fundingStatus as keyof typeof fundingStatusLabels]}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </Layout>
  );
}
