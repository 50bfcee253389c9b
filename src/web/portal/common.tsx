// Small pieces the portal pages share: periods, labels, the open-data link
// every page carries, source links and progress summaries.
import type { Child } from "hono/jsx";
import {
  type EqualityGround,
  type FundingStatus,
  type InitiativeStatus,
  initiativeStatuses,
  isOneOf,
  type PolicyKind,
  type ProgressStatus,
  progressStatuses,
} from "../../domain/enums.ts";
import { equalityGroundLabels, equalityGroundSlugs, policyKindLabels } from "../../domain/labels.ts";
import { link } from "../../http/links.ts";
import { Icon } from "../components/Icon.tsx";
import { html } from "../components/markup.ts";
import { FundingBadge, InitiativeStatusBadge, ProgressBadge } from "../components/StatusBadge.tsx";

export function periodText(p: { periodStart: number | null; periodEnd: number | null }): string {
  if (p.periodStart && p.periodEnd)
    return p.periodStart === p.periodEnd ? String(p.periodStart) : `${p.periodStart}–${p.periodEnd}`;
  // A policy that names only when it runs out ("udløber ved udgangen af år 2023") runs through
  // that year; "til 2023" would read as ending before it.
  if (p.periodEnd) return `til og med ${p.periodEnd}`;
  if (p.periodStart) return `fra ${p.periodStart}`;
  return "";
}

export function kindLabel(kind: string): string {
  return isOneOf(["policy", "action_plan", "committee_action_plan", "status_report"] as const, kind)
    ? policyKindLabels[kind as PolicyKind]
    : kind;
}

export function groundLabel(ground: string): string {
  return equalityGroundLabels[ground as EqualityGround] ?? ground;
}

export function groundHref(ground: string): string {
  return `/ligestillingsgrunde/${equalityGroundSlugs[ground as EqualityGround] ?? ""}`;
}

export function Funding({ value }: { value: string }) {
  return FundingBadge({ funding: value as FundingStatus });
}

export function InitiativeStatusTag({ value }: { value: string }) {
  return isOneOf(initiativeStatuses, value)
    ? InitiativeStatusBadge({ status: value })
    : html`<span>${value}</span>`;
}

export function Progress({ value }: { value: string }) {
  return isOneOf(progressStatuses, value) ? <ProgressBadge progress={value} /> : <span>{value}</span>;
}

/** "Åbne data" box: where the numbers on this page can be downloaded. */
export function OpenDataLinks({
  links,
  more = { href: "/data", text: "Alle data og beskrivelse af dem" },
}: {
  links: readonly { href: string; text: string }[];
  /** The page describing all the data; the organisation's /data by default. */
  more?: { href: string; text: string };
}) {
  return (
    <aside class="open-data-links" aria-labelledby="open-data-heading">
      <h2 id="open-data-heading" class="h4">
        Åbne data
      </h2>
      <ul class="nobullet-list">
        {links.map((l) => (
          <li>
            <a href={link(l.href)}>
              <Icon name="download" />
              {l.text}
            </a>
          </li>
        ))}
        <li>
          <a href={link(more.href)}>{more.text}</a>
        </li>
      </ul>
    </aside>
  );
}

/** Link to the quoted span in the source document. */
export function sourceHref(documentId: string, provenanceId: string): string {
  return `/dokumenter/${documentId}#k-${provenanceId}`;
}

export function SourceLink(props: { documentId: string; provenanceId: string; label?: string }) {
  return (
    <a class="source-link" href={link(sourceHref(props.documentId, props.provenanceId))}>
      {props.label ?? "Kilde"}
    </a>
  );
}

/** Counts per status as a list of badges with the number, in the enumeration's order. */
export function ProgressCounts({ counts }: { counts: Map<ProgressStatus, number> }) {
  const items = progressStatuses.filter((s) => (counts.get(s) ?? 0) > 0);
  if (items.length === 0) return <span>Ingen indikatorer</span>;
  return (
    <ul class="status-counts">
      {items.map((s) => (
        <li>
          <span class="status-count">{counts.get(s)}</span> <ProgressBadge progress={s} />
        </li>
      ))}
    </ul>
  );
}

export function InitiativeCounts({ counts }: { counts: Map<InitiativeStatus, number> }) {
  const items = initiativeStatuses.filter((s) => (counts.get(s) ?? 0) > 0);
  if (items.length === 0) return <span>Ingen initiativer</span>;
  return (
    <ul class="status-counts">
      {items.map((s) => (
        <li>
          <span class="status-count">{counts.get(s)}</span> <InitiativeStatusBadge status={s} />
        </li>
      ))}
    </ul>
  );
}

/** A list of strings as running Danish text ("a, b og c"), or a dash. */
export function listText(items: readonly string[]): string {
  if (items.length === 0) return "–";
  if (items.length === 1) return items[0] as string;
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

export function Lead({ children }: { children?: Child }) {
  return <p class="font-lead">{children}</p>;
}

/** A quote as link text: in »«, cut at a word boundary when long. */
/**
 * The name a source line gives a document. A document that holds several policies is named
 * by the policy the values belong to, so a value is never credited to another policy of the
 * same file.
 */
export function sourceDocumentName(
  doc: { title: string | null; filename: string; policyCount: number } | undefined,
  policyTitle: string,
): string {
  if (!doc) return "dokumentet";
  if (doc.policyCount > 1) return `${policyTitle}, del af et dokument med ${doc.policyCount} politikker`;
  return doc.title ?? doc.filename;
}

export function quoteLabel(quote: string, max = 140): string {
  const q = quote.replace(/\s+/g, " ").trim();
  if (q.length <= max) return `»${q}«`;
  const cut = q.slice(0, max);
  return `»${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20))} …«`;
}
