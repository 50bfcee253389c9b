// Admin: one hearing: its state and documents, its responses, and the ways a
// response gets in (registered here, or an imported letter attached).
import { formatDanishDate } from "../../../../domain/danishDate.ts";
import { hearingStateLabels, respondentKindLabels } from "../../../../domain/labels.ts";
import { link } from "../../../../http/links.ts";
import type { HearingDetail } from "../../../../queries/hearings/hearings.ts";
import type { ResponseView } from "../../../../queries/hearings/responses.ts";
import { Alert } from "../../../components/Alert.tsx";
import { Button, Select } from "../../../components/FormControls.tsx";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import { HEARINGS_PATH } from "./listPages.tsx";

const date = (d: string | null) => (d ? formatDanishDate(d) : "–");

export const notices: Record<string, string> = {
  aabnet: "Høringen er åbnet.",
  registreret: "Høringssvaret er registreret.",
  tilknyttet: "Høringssvaret er tilknyttet høringen.",
  opdateret: "Høringen er opdateret.",
};

export interface Unattached {
  id: string;
  policyTitle: string | null;
  committee: string | null;
  fromName: string | null;
  meetingDate: string | null;
  goalsChosen: string[];
}

export function hearingDetailPage(
  page: AdminPage,
  p: {
    detail: HearingDetail;
    responses: ResponseView[];
    unattached: Unattached[];
    documents: { id: string; title: string | null; filename: string }[];
    canManage: boolean;
    notice?: string;
  },
) {
  const { hearing } = p.detail;
  const base = `${HEARINGS_PATH}/${hearing.id}`;
  return (
    <AdminShell
      page={page}
      title={hearing.title}
      currentPath={HEARINGS_PATH}
      breadcrumbs={[
        { text: "Oversigt", href: "/admin" },
        { text: "Høringer", href: HEARINGS_PATH },
        { text: hearing.title },
      ]}
    >
      <h1>{hearing.title}</h1>
      {p.notice && notices[p.notice] && <Alert variant="success">{notices[p.notice]}</Alert>}
      <dl class="hearing-facts">
        <dt>Politik</dt>
        <dd>{p.detail.policy?.title ?? "–"}</dd>
        <dt>Periode</dt>
        <dd>
          {date(hearing.opensOn)} – {date(hearing.closesOn)}
        </dd>
        <dt>Status</dt>
        <dd>{hearingStateLabels[hearing.state as "open"] ?? hearing.state}</dd>
        <dt>Inviterede</dt>
        <dd>{hearing.invited.length ? hearing.invited.join(", ") : "–"}</dd>
        <dt>Udkast</dt>
        <dd>{p.detail.draft ? (p.detail.draft.title ?? p.detail.draft.filename) : "–"}</dd>
        <dt>Vedtaget version</dt>
        <dd>{p.detail.adopted ? (p.detail.adopted.title ?? p.detail.adopted.filename) : "Ikke valgt"}</dd>
      </dl>
      <ul class="nobullet-list">
        <li>
          <a href={link(`/hoeringer/${hearing.id}`)}>Den offentlige høringsside</a>
        </li>
        <li>
          <a href={link(`${base}/notat`)}>Høringsnotat</a> (<a href={link(`${base}/notat.docx`)}>Word</a>)
        </li>
        {p.detail.adopted && (
          <li>
            <a href={link(`${base}/forskelle`)}>Forskelle mellem udkast og vedtaget version</a>
          </li>
        )}
      </ul>

      {p.canManage && (
        <form method="post" action={link(`${base}/opdater`)} class="mb-6">
          <CsrfField token={page.csrf} />
          <input type="hidden" name="version" value={String(hearing.version)} />
          <Select
            id="state"
            name="state"
            label="Status"
            value={hearing.state}
            options={Object.entries(hearingStateLabels).map(([value, text]) => ({ value, text }))}
          />
          <Select
            id="adoptedDocumentId"
            name="adoptedDocumentId"
            label="Vedtaget version (til sammenligning med udkastet)"
            placeholder="Ingen"
            value={hearing.adoptedDocumentId ?? ""}
            options={p.documents.map((d) => ({
              value: d.id,
              text: d.title ? `${d.title} (${d.filename})` : d.filename,
            }))}
          />
          <Button variant="secondary">Gem</Button>
        </form>
      )}

      <h2>Høringssvar</h2>
      {p.canManage && (
        <p>
          <a class="button button-primary" href={link(`${base}/svar/ny`)}>
            Registrér høringssvar
          </a>
        </p>
      )}
      <table class="table table--zebra">
        <caption class="sr-only">Høringssvar</caption>
        <thead>
          <tr>
            <th scope="col">Fra</th>
            <th scope="col">Slags</th>
            <th scope="col">Mål og afsnit</th>
            <th scope="col">Offentliggjort</th>
            <th scope="col">Kommentar</th>
          </tr>
        </thead>
        <tbody>
          {p.responses.length === 0 && (
            <tr>
              <td colspan={5}>Ingen høringssvar endnu.</td>
            </tr>
          )}
          {p.responses.map((r) => (
            <tr>
              <th scope="row">
                {p.canManage ? <a href={link(`${base}/svar/${r.id}`)}>{r.from}</a> : r.from}
                {r.erasedAt && <span class="form-hint"> (personoplysninger slettet)</span>}
              </th>
              <td>{respondentKindLabels[r.respondentKind]}</td>
              <td>{r.sections.join("; ") || "–"}</td>
              <td>{r.published ? "Ja" : "Nej"}</td>
              <td>{r.administrationComment ? "Ja" : "Nej"}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {p.canManage && (
        <>
          <h2>Importerede høringssvar</h2>
          <p>
            Et høringssvar i et brev kan <a href={link("/admin/import")}>importeres</a>; Pejl genkender
            udvalgenes høringssvar. Tilknyt det derefter til høringen her.
          </p>
          {p.unattached.length === 0 ? (
            <p>Der er ingen importerede høringssvar, som ikke hører til en høring.</p>
          ) : (
            <ul class="nobullet-list">
              {p.unattached.map((u) => (
                <li class="mb-4">
                  <form method="post" action={link(`${base}/tilknyt`)}>
                    <CsrfField token={page.csrf} />
                    <input type="hidden" name="responseId" value={u.id} />
                    <p>
                      <strong>{u.committee ?? u.fromName ?? "Ukendt afsender"}</strong>
                      {u.policyTitle && <> om {u.policyTitle}</>}
                      {u.meetingDate && <>, behandlet {date(u.meetingDate)}</>}
                      {u.goalsChosen.length > 0 && <> – {u.goalsChosen.length} valgte mål</>}
                    </p>
                    <Button variant="secondary">
                      Tilknyt svaret fra {u.committee ?? u.fromName ?? "ukendt afsender"}
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </AdminShell>
  );
}
