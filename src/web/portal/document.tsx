// /dokumenter/:id: a source document's extracted text with every span a
// registry value was read from marked (<mark id="k-…">), so a source link from
// a policy, indicator or initiative lands on the sentence itself.
import type { Child } from "hono/jsx";
import { formatDanishDate } from "../../domain/danishDate.ts";
import type { DocumentWithSources } from "../../queries/documents.ts";
import { SummaryList } from "../components/Card.tsx";
import { Layout } from "../components/Layout.tsx";
import { OpenDataLinks } from "./common.tsx";

type Span = DocumentWithSources["spans"][number];

/**
 * The text cut into plain runs and marked runs. Overlapping spans cannot nest
 * in HTML, so a span starting inside an earlier one is merged into it; its id
 * still exists as an empty anchor at the start of the merged mark.
 */
export function markedText(text: string, spans: readonly Span[]): Child[] {
  const out: Child[] = [];
  let pos = 0;
  const sorted = [...spans]
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i] as Span;
    let end = first.end;
    const ids = [first.id];
    i++;
    while (i < sorted.length && (sorted[i] as Span).start < end) {
      ids.push((sorted[i] as Span).id);
      end = Math.max(end, (sorted[i] as Span).end);
      i++;
    }
    const start = Math.max(first.start, pos);
    if (start > pos) out.push(text.slice(pos, start));
    out.push(
      <>
        {ids.slice(1).map((id) => (
          <span id={`k-${id}`} />
        ))}
        <mark id={`k-${first.id}`}>{text.slice(start, end)}</mark>
      </>,
    );
    pos = end;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

export function documentPage(props: { organisation: string; detail: DocumentWithSources }) {
  const { document: d, spans } = props.detail;
  const title = d.title ?? d.filename;
  return (
    <Layout
      title={title}
      organisation={props.organisation}
      breadcrumbs={[{ text: "Forside", href: "/" }, { text: "Dokumenter" }, { text: title }]}
    >
      <h1>{title}</h1>
      <SummaryList
        items={[
          { label: "Fil", value: d.filename },
          ...(d.caseNumber ? [{ label: "Sagsnummer", value: d.caseNumber }] : []),
          ...(d.documentNumber ? [{ label: "Dokumentnummer", value: d.documentNumber }] : []),
          ...(d.dated ? [{ label: "Dateret", value: formatDanishDate(d.dated) }] : []),
          { label: "Markerede kilder", value: String(spans.length) },
        ]}
      />
      <p>Teksten er læst ud af dokumentet. De markerede steder er dem, oplysningerne i Pejl er hentet fra.</p>
      <h2>Dokumentets tekst</h2>
      <div class="document-text">{markedText(d.text, spans)}</div>
      <OpenDataLinks
        links={[
          { href: "/data/documents.csv", text: "Dokumenter (CSV)" },
          { href: "/data/provenance.csv", text: "Kilder med tegnpositioner (CSV)" },
        ]}
      />
    </Layout>
  );
}
