// "Importér dokument": the upload form, and after an import its summary:
// counts per kind, the recognizers' warnings, and the diff against a policy
// version already in the registry.
import type { ImportSummary } from "../../../../commands/documentImporter.ts";
import { formatNumber } from "../../../../domain/format.ts";
import { link } from "../../../../http/links.ts";
import { Alert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { Button, ErrorMessage, FormGroup, Hint, Label } from "../../../components/FormControls.tsx";
import { entityMany, entityOne } from "../../entityLabels.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";

const kindLabels: Record<string, string> = {
  policy: "Politik",
  action_plan: "Handleplan",
  committee_action_plan: "Udvalgshandleplan",
  status_report: "Statusrapport",
  hearing_response: "Høringssvar",
  unknown: "Ukendt",
};

export function importPage(page: AdminPage, p: { limitMb: number; error?: string; summary?: ImportSummary }) {
  const { summary } = p;
  return (
    <AdminShell
      page={page}
      title={p.error ? "Fejl: Importér dokument" : "Importér dokument"}
      currentPath="/admin/import"
      breadcrumbs={[{ href: "/admin", text: "Oversigt" }, { text: "Importér dokument" }]}
    >
      <h1>Importér dokument</h1>
      {summary && <ImportSummaryView summary={summary} council={page.council} />}
      <ErrorSummary errors={p.error ? [{ fieldId: "file", message: p.error }] : []} />
      <p>
        Pejl læser dokumentet og foreslår politik, temaer, mål, indikatorer, initiativer og økonomi. Intet
        bliver vist offentligt, før du har godkendt forslagene.
      </p>
      <form method="post" action={link("/admin/import")} enctype="multipart/form-data">
        <CsrfField token={page.csrf} />
        <FormGroup error={p.error}>
          <Label forId="file" text="Dokument" />
          <Hint
            id="file"
            text={`PDF, Word (DOCX), HTML, Markdown eller tekst. Højst ${formatNumber(p.limitMb, 1)} MB.`}
          />
          {p.error && <ErrorMessage id="file" text={p.error} />}
          <input
            type="file"
            id="file"
            name="file"
            class="form-file-input"
            required
            accept=".pdf,.docx,.html,.htm,.md,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/markdown,text/plain"
            aria-describedby={p.error ? "file-hint file-error" : "file-hint"}
            aria-invalid={p.error ? "true" : undefined}
          />
        </FormGroup>
        <div class="mt-4">
          <Button>Importér</Button>
        </div>
      </form>
    </AdminShell>
  );
}

/** `council`: what the organisation calls its council, for an inquiry answer's kind. */
function ImportSummaryView({ summary, council }: { summary: ImportSummary; council: string }) {
  const counts = Object.entries(summary.counts).filter(([entity]) => entity !== "document");
  return (
    <section aria-labelledby="summary-heading" class="mb-8">
      {summary.status === "unchanged" ? (
        <Alert variant="info" heading="Dokumentet er allerede importeret">
          <p class="alert-text">{summary.filename} er importeret før (samme indhold). Intet er ændret.</p>
        </Alert>
      ) : (
        <Alert variant="success" heading="Dokumentet er importeret">
          <p class="alert-text">
            {summary.filename}: {formatNumber(summary.pending, 0)} forslag venter på gennemgang.{" "}
            <a href={link(`/admin/forslag?dokument=${summary.documentId}`)}>Gennemgå forslagene</a>
          </p>
        </Alert>
      )}
      <h2 id="summary-heading">Resultat af importen</h2>
      <p>
        Dokumenttype:{" "}
        {summary.kind === "inquiry_answer"
          ? `Svar på spørgsmål fra ${council}`
          : (kindLabels[summary.kind] ?? summary.kind)}
      </p>
      <DataTable
        caption="Genkendt i dokumentet"
        narrow
        columns={[
          { header: "Slags", cell: ([entity]) => entityMany(entity), rowHeader: true },
          { header: "Antal", cell: ([, n]) => formatNumber(n, 0), numeric: true },
        ]}
        rows={counts}
        emptyText="Intet genkendt."
      />
      {summary.warnings.length > 0 && (
        <Alert variant="warning" heading={`Advarsler (${summary.warnings.length})`} headingLevel={3}>
          <ul class="alert-text">
            {summary.warnings.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {summary.needsPlace.length > 0 && (
        <section aria-labelledby="place-heading">
          <h3 id="place-heading">Skal placeres ({formatNumber(summary.needsPlace.length, 0)})</h3>
          <p>
            Dokumentet siger ikke, hvad disse forslag hører under. Vælg et initiativ eller en politik, når du
            godkender dem.
          </p>
          <ul>
            {summary.needsPlace.map((c) => (
              <li>
                <a href={link(`/admin/forslag/${c.id}`)}>
                  {entityOne(c.entity)}: {c.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {summary.diffs.map((d) => (
        <section aria-labelledby={`diff-${d.policyId}`}>
          <h3 id={`diff-${d.policyId}`}>Ny version af »{d.title}«</h3>
          <p>
            Politikken findes allerede. Ændringerne nedenfor træder først i kraft, når du godkender
            forslagene.
          </p>
          <DiffList heading="Tilføjet" items={d.added} />
          <DiffList heading="Ændret" items={d.changed} />
          <DiffList heading="Fjernet" items={d.removed} />
        </section>
      ))}
    </section>
  );
}

function DiffList({ heading, items }: { heading: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>
        {heading} ({items.length})
      </h4>
      <ul>
        {items.map((i) => (
          <li>{i}</li>
        ))}
      </ul>
    </>
  );
}
