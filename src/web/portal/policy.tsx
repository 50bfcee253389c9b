// /politikker/:slug: a policy with themes → goals → indicators (progress and
// sparkline each, rolled up with the rule shown), its initiatives by
// administration, related plans, follow-up rules and source documents.
import { formatDanishDate } from "../../domain/danishDate.ts";
import { fieldLabel as registryFieldLabel } from "../../domain/entities/labels.ts";
import type { PolicyStatus } from "../../domain/enums.ts";
import { goalKindLabels, policyStatusLabels } from "../../domain/labels.ts";
import { progressRuleText } from "../../domain/progress.ts";
import { type ProgressRollup, progressRollupRuleText, rollupProgress } from "../../domain/rollup.ts";
import { link } from "../../http/links.ts";
import type { GoalRow, PolicyDetail, PolicyInitiative } from "../../queries/policies/detail.ts";
import type { ProvenanceRef } from "../../queries/provenance.ts";
import { Accordion } from "../components/Accordion.tsx";
import { SummaryList } from "../components/Card.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { Layout } from "../components/Layout.tsx";
import {
  Funding,
  InitiativeStatusTag,
  kindLabel,
  OpenDataLinks,
  Progress,
  periodText,
  quoteLabel,
  SourceLink,
  sourceDocumentName,
} from "./common.tsx";
import { IndicatorTable } from "./indicatorParts.tsx";
import { PolicyBudgetSection } from "./policyBudget.tsx";

const fieldLabels: Record<string, string> = {
  title: "Titel",
  text: "Tekst",
  period_start: "Periodens start",
  period_end: "Periodens slutning",
  owner_administration: "Ansvarlig forvaltning",
  owner_committee: "Ansvarligt udvalg",
  follow_up: "Opfølgning",
  committees: "Udvalg",
  baseline_value: "Udgangspunkt",
  baseline_period: "Udgangsår",
  target_period: "Målår",
  unit: "Enhed",
  description: "Beskrivelse",
  administration: "Forvaltning",
  funding_status: "Finansiering",
};

export function fieldLabel(field: string): string {
  if (field.startsWith("equality_grounds")) return "Diskriminationsgrund";
  return fieldLabels[field] ?? registryFieldLabel(field);
}

function goalRollup(goal: GoalRow): ProgressRollup {
  return rollupProgress(
    goal.indicators.map((i) => ({
      status: i.progress.status,
      ...(i.progress.score !== undefined ? { score: i.progress.score } : {}),
    })),
    "goal",
  );
}

function asChild(r: ProgressRollup) {
  return { status: r.status, ...(r.score !== undefined ? { score: r.score } : {}) };
}

function firstSource(sources: readonly ProvenanceRef[], entityId: string, field: string) {
  return sources.find((s) => s.entityId === entityId && s.field === field);
}

function Goal({
  goal,
  sources,
  threshold,
}: {
  goal: GoalRow;
  sources: readonly ProvenanceRef[];
  threshold: number;
}) {
  const rollup = goalRollup(goal);
  const src = firstSource(sources, goal.id, "text");
  const label = goalKindLabels[goal.kind as "goal"] ?? "Målsætning";
  return (
    <li class="goal" id={`maal-${goal.id}`}>
      <h3 class="h4 goal-title">
        {label}
        {goal.number ? ` ${goal.number}` : ""}: {goal.text}
      </h3>
      <p class="goal-meta">
        {goal.committees.length > 0 && <>Udvalg: {goal.committees.map((c) => c.name).join(", ")}. </>}
        {goal.administrationCode && <>Forvaltning: {goal.administrationCode}. </>}
        {src && (
          <SourceLink documentId={src.documentId} provenanceId={src.id} label="Se kilden i dokumentet" />
        )}
      </p>
      {goal.indicators.length > 0 ? (
        <>
          <p>
            Samlet fremdrift for målsætningen: <Progress value={rollup.status} />{" "}
            <span>{rollup.explanation}</span>
          </p>
          <IndicatorTable
            id={`ind-${goal.id}`}
            caption={`Indikatorer for ${label.toLowerCase()}${goal.number ? ` ${goal.number}` : ""}`}
            indicators={goal.indicators}
            threshold={threshold}
          />
        </>
      ) : (
        <p class="text-muted">Målsætningen har ingen indikatorer.</p>
      )}
    </li>
  );
}

function InitiativesByAdministration({ initiatives }: { initiatives: readonly PolicyInitiative[] }) {
  const groups = new Map<string, PolicyInitiative[]>();
  for (const i of initiatives) {
    const key = i.administrationName ?? "Uden forvaltning";
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return (
    <>
      {[...groups].map(([name, list], n) => (
        <section aria-labelledby={`adm-${n}`}>
          <h3 id={`adm-${n}`}>
            {name} ({list.length})
          </h3>
          <DataTable
            caption={`Initiativer i ${name}`}
            captionHidden
            compact
            rows={list}
            columns={[
              {
                header: "Initiativ",
                rowHeader: true,
                cell: (i) => <a href={link(`/initiativer/${i.id}`)}>{i.title}</a>,
              },
              { header: "Finansiering", cell: (i) => <Funding value={i.fundingStatus} /> },
              { header: "Status", cell: (i) => <InitiativeStatusTag value={i.status} /> },
            ]}
          />
        </section>
      ))}
    </>
  );
}

export function policyPage(props: { organisation: string; detail: PolicyDetail; threshold: number }) {
  const { policy, themes, goals, parent, children, documents, sources } = props.detail;
  const goalsByTheme = (themeId: string | null) => goals.filter((g) => g.themeId === themeId);
  const themeRollups = themes.map((t) =>
    rollupProgress(
      goalsByTheme(t.id).map((g) => asChild(goalRollup(g))),
      "theme",
    ),
  );
  const loose = goalsByTheme(null).filter((g) => themes.length === 0 || g.themeId === null);
  const policyRollup = rollupProgress(
    [...themeRollups.map(asChild), ...loose.map((g) => asChild(goalRollup(g)))],
    "policy",
  );
  const owner = [policy.ownerName, policy.committeeName].filter(Boolean).join(" / ");
  const ownSources = sources.filter((s) => s.entityId === policy.id);
  return (
    <Layout
      title={policy.title}
      organisation={props.organisation}
      currentPath="/politikker"
      breadcrumbs={[
        { text: "Forside", href: "/" },
        { text: "Politikker", href: "/politikker" },
        { text: policy.title },
      ]}
    >
      <h1>{policy.title}</h1>
      <SummaryList
        items={[
          { label: "Type", value: kindLabel(policy.kind) },
          { label: "Periode", value: periodText(policy) || "Ikke oplyst" },
          { label: "Ansvarlig", value: owner || "Ikke oplyst" },
          { label: "Status", value: policyStatusLabels[policy.status as PolicyStatus] ?? policy.status },
          ...(policy.adoptedOn ? [{ label: "Vedtaget", value: formatDanishDate(policy.adoptedOn) }] : []),
          ...(parent
            ? [
                {
                  label: "Hører under",
                  value: <a href={link(`/politikker/${parent.slug}`)}>{parent.title}</a>,
                },
              ]
            : []),
        ]}
      />

      {goals.length > 0 && (
        <section aria-labelledby="progress-heading">
          <h2 id="progress-heading">Fremdrift</h2>
          <p>
            Samlet: <Progress value={policyRollup.status} /> {policyRollup.explanation}
          </p>
          <details class="details">
            <summary class="details-summary">Sådan lægges fremdriften sammen</summary>
            <div class="details-text">
              <p>{progressRollupRuleText}</p>
            </div>
          </details>
          <details class="details">
            <summary class="details-summary">Sådan beregnes fremdrift for en indikator</summary>
            <div class="details-text">
              {progressRuleText.split("\n\n").map((para) => (
                <p>{para}</p>
              ))}
            </div>
          </details>
        </section>
      )}

      {themes.map((theme, n) => (
        <section aria-labelledby={`tema-${theme.id}`}>
          <h2 id={`tema-${theme.id}`}>
            Tema {theme.number}: {theme.title}
          </h2>
          {theme.description && <p>{theme.description}</p>}
          <p>
            Fremdrift for temaet: <Progress value={themeRollups[n]!.status} /> {themeRollups[n]!.explanation}
          </p>
          <ul class="nobullet-list no-max-width goal-list">
            {goalsByTheme(theme.id).map((g) => (
              <Goal goal={g} sources={sources} threshold={props.threshold} />
            ))}
          </ul>
        </section>
      ))}
      {loose.length > 0 && (
        <section aria-labelledby="maal-heading">
          <h2 id="maal-heading">{themes.length > 0 ? "Øvrige mål" : "Mål"}</h2>
          <ul class="nobullet-list no-max-width goal-list">
            {loose.map((g) => (
              <Goal goal={g} sources={sources} threshold={props.threshold} />
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="initiativer-heading">
        <h2 id="initiativer-heading">Initiativer ({props.detail.initiatives.length})</h2>
        {props.detail.initiatives.length === 0 ? (
          <p>Der er ikke registreret initiativer under denne {kindLabel(policy.kind).toLowerCase()}.</p>
        ) : (
          <>
            <p>
              <a href={link(`/initiativer?politik=${encodeURIComponent(policy.slug)}`)}>
                Filtrér og sortér initiativerne
              </a>
            </p>
            <InitiativesByAdministration initiatives={props.detail.initiatives} />
          </>
        )}
      </section>

      <PolicyBudgetSection budget={props.detail.budget} kind={kindLabel(policy.kind).toLowerCase()} />

      {children.length > 0 && (
        <section aria-labelledby="handleplaner-heading">
          <h2 id="handleplaner-heading">Handleplaner under politikken</h2>
          <ul>
            {children.map((c) => (
              <li>
                <a href={link(`/politikker/${c.slug}`)}>{c.title}</a> ({kindLabel(c.kind)}
                {periodText(c) && `, ${periodText(c)}`})
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="opfoelgning-heading">
        <h2 id="opfoelgning-heading">Opfølgning</h2>
        {policy.followUp ? (
          <p class="follow-up">{policy.followUp}</p>
        ) : (
          <p>Dokumentet beskriver ikke, hvordan der følges op.</p>
        )}
      </section>

      <section aria-labelledby="kilder-heading">
        <h2 id="kilder-heading">Kilder</h2>
        {documents.length === 0 ? (
          <p>Der er ikke registreret kildedokumenter.</p>
        ) : (
          <>
            <p>
              Oplysningerne på siden er læst ud af disse dokumenter. Følg et link for at se, hvor i teksten de
              står.
            </p>
            <ul>
              {documents.map((d) => (
                <li>
                  <a href={link(`/dokumenter/${d.id}`)}>{sourceDocumentName(d, policy.title)}</a>
                  {d.caseNumber && ` (sagsnr. ${d.caseNumber})`}:{" "}
                  {sources.filter((s) => s.documentId === d.id).length} oplysninger
                </li>
              ))}
            </ul>
            {ownSources.length > 0 && (
              <Accordion
                id="politik-kilder"
                headingLevel={3}
                items={[
                  {
                    title: "Politikkens egne oplysninger og deres kilder",
                    content: (
                      <ul>
                        {ownSources.map((s) => (
                          <li>
                            {fieldLabel(s.field)}:{" "}
                            <SourceLink
                              documentId={s.documentId}
                              provenanceId={s.id}
                              label={quoteLabel(s.quote)}
                            />
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            )}
          </>
        )}
      </section>

      <OpenDataLinks
        links={[
          {
            href: `/initiativer?politik=${encodeURIComponent(policy.slug)}&format=csv`,
            text: "Politikkens initiativer (CSV)",
          },
          { href: "/data/goals.csv", text: "Alle målsætninger (CSV)" },
          { href: "/data/indicators.csv", text: "Alle indikatorer (CSV)" },
        ]}
      />
    </Layout>
  );
}
