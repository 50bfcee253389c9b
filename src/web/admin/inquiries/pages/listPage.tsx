// /admin/spoergsmaal: every inquiry (registered or imported) with who asked,
// the due date and the state; overdue ones say so in words, not colour only.
import { can } from "../../../../authz/can.ts";
import { formatDanishDate } from "../../../../domain/danishDate.ts";
import { type InquiryState, inquiryStates } from "../../../../domain/enums.ts";
import { inquiryStateLabels } from "../../../../domain/labels.ts";
import { link } from "../../../../http/links.ts";
import { type InquiryListRow, isOverdue } from "../../../../queries/inquiries/inquiries.ts";
import { Alert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { Button, ButtonLink, Select } from "../../../components/FormControls.tsx";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import { type AdminPage, AdminShell } from "../../shell.tsx";

const stateVariant = { new: "info", drafting: "warning", approved: "success", sent: "neutral" } as const;

export function InquiryStateBadge({ state }: { state: string }) {
  const s = state as InquiryState;
  return <StatusBadge text={inquiryStateLabels[s] ?? state} variant={stateVariant[s]} srPrefix="Tilstand:" />;
}

export function listPage(
  page: AdminPage,
  p: { rows: InquiryListRow[]; state?: InquiryState; today: string },
) {
  const overdue = p.rows.filter((r) => isOverdue(r, p.today)).length;
  return (
    <AdminShell
      page={page}
      title={`Spørgsmål fra ${page.council}`}
      currentPath="/admin/spoergsmaal"
      breadcrumbs={[{ href: "/admin", text: "Oversigt" }, { text: "Spørgsmål" }]}
    >
      <h1>Spørgsmål fra {page.council}</h1>
      {can(page.user, "create", { entity: "inquiry" }) && (
        <p>
          <ButtonLink href="/admin/spoergsmaal/nyt" variant="primary">
            Registrér spørgsmål
          </ButtonLink>
        </p>
      )}
      <p>
        Spørgsmål, der er importeret fra et svarbrev, står her sammen med dem, der er registreret i hånden.
        Åbn et spørgsmål for at lave et udkast til svaret ud fra registret.
      </p>
      {overdue > 0 && (
        <Alert variant="warning" heading="Overskredne svarfrister" paragraph>
          {`${overdue} spørgsmål har passeret svarfristen uden at være sendt.`}
        </Alert>
      )}
      <form method="get" action={link("/admin/spoergsmaal")} class="mb-6">
        <Select
          id="tilstand"
          name="tilstand"
          label="Tilstand"
          value={p.state ?? ""}
          placeholder="Alle"
          options={inquiryStates.map((s) => ({ value: s, text: inquiryStateLabels[s] }))}
        />
        <Button variant="secondary">Filtrér</Button>
      </form>
      <DataTable
        caption={p.state ? `Spørgsmål: ${inquiryStateLabels[p.state].toLowerCase()}` : "Alle spørgsmål"}
        rows={p.rows}
        emptyText="Ingen spørgsmål."
        columns={[
          {
            header: "Spurgt af",
            rowHeader: true,
            cell: (r) => <a href={link(`/admin/spoergsmaal/${r.id}`)}>{r.askedBy}</a>,
          },
          { header: "Stillet", cell: (r) => (r.askedOn ? formatDanishDate(r.askedOn) : "–") },
          {
            header: "Svarfrist",
            cell: (r) =>
              isOverdue(r, p.today) ? (
                <>
                  <strong>{formatDanishDate(r.dueOn!)}</strong>{" "}
                  <StatusBadge text="Overskredet" variant="error" />
                </>
              ) : r.dueOn ? (
                formatDanishDate(r.dueOn)
              ) : (
                "–"
              ),
          },
          { header: "Forvaltning", cell: (r) => r.administrations.map((a) => a.code).join(", ") || "–" },
          { header: "Tilstand", cell: (r) => <InquiryStateBadge state={r.state} /> },
          { header: "Kilde", cell: (r) => (r.documentId ? "Importeret brev" : "Registreret") },
        ]}
      />
    </AdminShell>
  );
}
