// The coordinator's board of a round: who has reported, per administration and
// per initiative or goal, late ones marked in words; reminders, state changes,
// downloads and the roll-up.

import { can } from "../../../../authz/can.ts";
import type { statusRounds } from "../../../../db/schema.ts";
import { formatDanishDate } from "../../../../domain/danishDate.ts";
import { type Rating, type RoundKind, type RoundState, roundStates } from "../../../../domain/enums.ts";
import { roundKindLabels, roundStateLabels } from "../../../../domain/labels.ts";
import { allowedTransitions } from "../../../../domain/roundState.ts";
import { link } from "../../../../http/links.ts";
import type { roundAnswers } from "../../../../queries/rounds/answers.ts";
import type { BoardRow } from "../../../../queries/rounds/rounds.ts";
import { Alert } from "../../../components/Alert.tsx";
import { SummaryList } from "../../../components/Card.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { Button, ButtonGroup, ButtonLink } from "../../../components/FormControls.tsx";
import { RatingBadge, RoundStateBadge } from "../../../components/StatusBadge.tsx";
import { danishDateTime } from "../../dates.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import { AnswerState, LateMark, roundName } from "./controls.tsx";
import { type progressRows, RollupSection, type ratingRows } from "./rollupSection.tsx";

type Round = typeof statusRounds.$inferSelect;
type Answer = Awaited<ReturnType<typeof roundAnswers>>[number];

export interface BoardData {
  round: Round;
  policyTitle: string;
  rows: BoardRow[];
  answers: Answer[];
  progress: ReturnType<typeof progressRows>;
  ratings: ReturnType<typeof ratingRows>;
  today: string;
}

export const transitionButtons: Record<RoundState, string> = {
  draft: "Sæt som kladde",
  open: "Åbn runden for indmelding",
  in_review: "Afslut indmelding og gennemgå",
  locked: "Lås runden",
};

/** "A", "A og B", "A, B og C". */
function danishList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} og ${items.at(-1)}`;
}

/** The notice after an action, by the `besked` (and its details) the redirect names. */
export function boardNotice(q: Record<string, string>, rows: readonly BoardRow[]): string | undefined {
  switch (q.besked) {
    case "aabnet":
      return "Runden er åbnet. Forvaltningerne kan nu indmelde under ”Mine indmeldinger”.";
    case "paamindelse": {
      const n = Number.parseInt(q.antal ?? "", 10);
      const codes = new Set((q.uden ?? "").split(","));
      const without = rows.filter((r) => codes.has(r.code)).map((r) => r.name);
      const sent =
        Number.isFinite(n) && n > 0
          ? `Påmindelsen er sendt til ${n} ${n === 1 ? "indberetter" : "indberettere"}.`
          : without.length
            ? "Der er ikke sendt nogen påmindelse."
            : "Alle svar er indsendt; der var ingen at minde om noget.";
      return without.length
        ? `${sent} ${danishList(without)} mangler svar, men har ingen indberetter og fik derfor ingen påmindelse. Tilføj en indberetter for ${without.length === 1 ? "forvaltningen" : "forvaltningerne"}.`
        : sent;
    }
    case "godkendt":
      return "Svaret er godkendt, og dets tal er overført til registret.";
    case "retur":
      return "Svaret er sendt retur til forvaltningen med din kommentar.";
    default: {
      const to = /^tilstand-(\w+)$/.exec(q.besked ?? "")?.[1];
      return to && (roundStates as readonly string[]).includes(to)
        ? `Runden har nu status ”${roundStateLabels[to as RoundState]}”.`
        : undefined;
    }
  }
}

export function boardPage(
  page: AdminPage,
  d: BoardData,
  opts: { canManage: boolean; message?: string; warning?: boolean },
) {
  const { round } = d;
  const name = roundName(round);
  const lateCount = d.rows.filter((r) => r.late).length;
  const withoutReporters = d.rows.filter((r) => r.reporters === 0);
  const mayAddUsers = can(page.user, "manage", { entity: "user" });
  // One administration at a time, e.g. the one that asked for more time.
  const remindOne = opts.canManage && round.state === "open";
  return (
    <AdminShell
      page={page}
      title={name}
      currentPath="/admin/runder"
      breadcrumbs={[
        { href: "/admin", text: "Oversigt" },
        { href: "/admin/runder", text: "Statusrunder" },
        { text: name },
      ]}
    >
      <h1>{name}</h1>
      {opts.message && <Alert variant={opts.warning ? "warning" : "success"}>{opts.message}</Alert>}
      {round.isExample && (
        <Alert variant="info">
          Eksempeldata: svarene i denne runde er opdigtede og viser, hvordan Pejl virker.
        </Alert>
      )}
      <SummaryList
        items={[
          { label: "Politik", value: d.policyTitle },
          { label: "Slags", value: roundKindLabels[round.kind as RoundKind] ?? round.kind },
          { label: "Periode", value: round.period },
          { label: "Frist", value: formatDanishDate(round.deadline) },
          { label: "Status", value: <RoundStateBadge state={round.state as RoundState} /> },
        ]}
      />
      {opts.canManage && allowedTransitions(round.state as RoundState).length > 0 && (
        <ButtonGroup>
          {allowedTransitions(round.state as RoundState).map((to) => (
            <ButtonLink href={`/admin/runder/${round.id}/tilstand?til=${to}`} variant="secondary">
              {transitionButtons[to]}
            </ButtonLink>
          ))}
        </ButtonGroup>
      )}

      <h2>Hent rapport og svar</h2>
      <ul class="nobullet-list">
        <li>
          <a href={link(`/admin/runder/${round.id}/rapport.docx`)}>Statusrapport til udvalget (Word)</a>
        </li>
        <li>
          <a href={link(`/admin/runder/${round.id}/rapport.html`)}>Statusrapport til udvalget (HTML)</a>
        </li>
        <li>
          <a href={link(`/admin/runder/${round.id}/svar.csv`)}>Alle svar (CSV)</a>
        </li>
        <li>
          <a href={link(`/admin/runder/${round.id}/svar.xlsx`)}>Alle svar (Excel)</a>
        </li>
      </ul>

      <h2 id="administrations-heading">Forvaltningernes indmelding</h2>
      {lateCount > 0 && (
        <Alert variant="warning" headingLevel={3} heading="Fristen er overskredet">
          {`${lateCount} ${lateCount === 1 ? "forvaltning har" : "forvaltninger har"} ikke indsendt alle svar.`}
        </Alert>
      )}
      {withoutReporters.length > 0 && round.state !== "locked" && (
        <Alert
          variant="warning"
          headingLevel={3}
          heading={`${withoutReporters.length} ${withoutReporters.length === 1 ? "forvaltning har" : "forvaltninger har"} ingen indberetter`}
        >
          <p>Uden en indberetter kan ingen svare for forvaltningen, og påmindelser når ingen. Det gælder:</p>
          <ul>
            {withoutReporters.map((r) => (
              <li>
                {`${r.name} (${r.code})`}
                {mayAddUsers && (
                  <>
                    {": "}
                    <a
                      href={link(
                        `/admin/brugere?rolle=reporter&forvaltning=${encodeURIComponent(r.code)}#name`,
                      )}
                    >
                      Tilføj en indberetter<span class="sr-only"> for {r.name}</span>
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
          {!mayAddUsers && <p>Bed en administrator om at tilføje en indberetter under Brugere.</p>}
        </Alert>
      )}
      {opts.canManage && round.state === "open" && (
        <form method="post" action={link(`/admin/runder/${round.id}/paamindelse`)}>
          <CsrfField token={page.csrf} />
          <p>Påmindelsen går til indberetterne i de forvaltninger, der har svar, som ikke er indsendt.</p>
          <Button variant="secondary">Send påmindelse til alle, der mangler</Button>
        </form>
      )}
      <DataTable
        caption="Indmelding pr. forvaltning"
        compact
        columns={[
          { header: "Forvaltning", rowHeader: true, cell: (r) => `${r.name} (${r.code})` },
          { header: "Svar i alt", numeric: true, cell: (r) => r.total },
          { header: "Kladde", numeric: true, cell: (r) => r.draft },
          { header: "Sendt retur", numeric: true, cell: (r) => r.returned },
          { header: "Indsendt", numeric: true, cell: (r) => r.submitted },
          { header: "Godkendt", numeric: true, cell: (r) => r.accepted },
          { header: "Frist", cell: () => formatDanishDate(round.deadline) },
          {
            header: "Indmelding",
            cell: (r) =>
              r.late ? <LateMark /> : r.total === r.submitted + r.accepted ? "Alt indsendt" : "Mangler svar",
          },
          {
            header: "Indberettere",
            numeric: true,
            cell: (r) => (r.reporters === 0 ? "Ingen" : r.reporters),
          },
          {
            header: "Sidste påmindelse",
            cell: (r) => (r.lastReminderAt ? danishDateTime(r.lastReminderAt) : "Ingen sendt"),
          },
          ...(remindOne
            ? [
                {
                  header: "Påmindelse",
                  cell: (r: BoardRow) =>
                    r.draft + r.returned > 0 ? (
                      <form method="post" action={link(`/admin/runder/${round.id}/paamindelse`)}>
                        <CsrfField token={page.csrf} />
                        <input type="hidden" name="administrationId" value={r.administrationId} />
                        <Button variant="secondary" class="m-0">
                          Send påmindelse<span class="sr-only"> til {r.name}</span>
                        </Button>
                      </form>
                    ) : (
                      "Intet mangler"
                    ),
                },
              ]
            : []),
        ]}
        rows={d.rows}
      />

      <h2>Svar pr. initiativ og mål</h2>
      <DataTable
        caption="Svar pr. initiativ og mål"
        captionHidden
        compact
        columns={[
          { header: "Forvaltning", cell: (a: Answer) => a.administrationCode },
          {
            header: "Initiativ eller mål",
            rowHeader: true,
            cell: (a) => (
              <a href={link(`/admin/runder/${round.id}/svar/${a.report.id}`)}>
                {a.report.initiativeId ? "" : "Mål: "}
                {a.initiativeTitle ?? a.goalText ?? ""}
              </a>
            ),
          },
          {
            header: "Status",
            cell: (a) => <AnswerState round={round} state={a.report.state} on={d.today} />,
          },
          {
            header: "Vurdering",
            cell: (a) =>
              a.report.rating ? <RatingBadge rating={a.report.rating as Rating} /> : "Ikke angivet",
          },
          {
            header: "Indsendt",
            cell: (a) => (a.report.submittedAt ? danishDateTime(a.report.submittedAt) : "Ikke indsendt"),
          },
        ]}
        rows={d.answers}
        emptyText="Runden har ingen svar."
      />

      <RollupSection progress={d.progress} ratings={d.ratings} />
      <p>
        <a href={link("/admin/runder")}>Tilbage til statusrunderne</a>
      </p>
    </AdminShell>
  );
}
