// Admin: the hearing summary (høringsnotat) and the draft/adopted diff.
import type { DiffPart } from "../../../../domain/textDiff.ts";
import { link } from "../../../../http/links.ts";
import type { HearingDetail } from "../../../../queries/hearings/hearings.ts";
import { HearingSummaryBody } from "../../../../reports/hearingSummaryHtml.tsx";
import type { HearingSummary } from "../../../../reports/hearingSummaryModel.ts";
import { type AdminPage, AdminShell } from "../../shell.tsx";
import { HEARINGS_PATH } from "./listPages.tsx";

function crumbs(detail: HearingDetail, last: string) {
  return [
    { text: "Oversigt", href: "/admin" },
    { text: "Høringer", href: HEARINGS_PATH },
    { text: detail.hearing.title, href: `${HEARINGS_PATH}/${detail.hearing.id}` },
    { text: last },
  ];
}

export function summaryPage(page: AdminPage, detail: HearingDetail, summary: HearingSummary) {
  return (
    <AdminShell
      page={page}
      title={`Høringsnotat: ${summary.title}`}
      currentPath={HEARINGS_PATH}
      breadcrumbs={crumbs(detail, "Høringsnotat")}
    >
      <h1>Høringsnotat: {summary.title}</h1>
      <p>
        <a href={link(`${HEARINGS_PATH}/${detail.hearing.id}/notat.docx`)}>
          Hent høringsnotatet som Word-dokument
        </a>
      </p>
      <HearingSummaryBody summary={summary} />
    </AdminShell>
  );
}

export function diffPage(
  page: AdminPage,
  detail: HearingDetail,
  diff: { parts: DiffPart[]; added: number; removed: number },
) {
  const changes = diff.parts.filter((p) => p.op !== "same");
  return (
    <AdminShell
      page={page}
      title="Forskelle mellem udkast og vedtaget version"
      currentPath={HEARINGS_PATH}
      breadcrumbs={crumbs(detail, "Forskelle")}
    >
      <h1>Forskelle mellem udkast og vedtaget version</h1>
      <p>
        Udkast: {detail.draft?.title ?? detail.draft?.filename ?? "–"}. Vedtaget:{" "}
        {detail.adopted?.title ?? detail.adopted?.filename ?? "–"}.
      </p>
      <p>
        {diff.added} afsnit tilføjet, {diff.removed} afsnit fjernet. Uændrede afsnit er ikke vist.
      </p>
      {changes.length === 0 ? (
        <p>Der er ingen forskelle.</p>
      ) : (
        <table class="table">
          <caption class="sr-only">Ændrede afsnit</caption>
          <thead>
            <tr>
              <th scope="col">Ændring</th>
              <th scope="col">Afsnit</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((p) => (
              <tr class={p.op === "added" ? "diff-added" : "diff-removed"}>
                <td>{p.op === "added" ? "Tilføjet" : "Fjernet"}</td>
                <td>{p.op === "added" ? <ins>{p.text}</ins> : <del>{p.text}</del>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminShell>
  );
}
