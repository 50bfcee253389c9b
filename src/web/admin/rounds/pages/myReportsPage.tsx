// "Mine indmeldinger": the rounds a reporter's administration takes part in,
// and its initiatives and goals with the state of each answer.
import { formatDanishDate } from "../../../../domain/danishDate.ts";
import type { Rating, RoundState } from "../../../../domain/enums.ts";
import { link } from "../../../../http/links.ts";
import type { myRounds } from "../../../../queries/rounds/answers.ts";
import { Alert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { RatingBadge, RoundStateBadge } from "../../../components/StatusBadge.tsx";
import { type AdminPage, AdminShell } from "../../shell.tsx";
import { AnswerState, roundName, today } from "./controls.tsx";

type Rounds = Awaited<ReturnType<typeof myRounds>>;
type Answer = Rounds[number]["answers"][number];

export function myReportsPage(page: AdminPage, rounds: Rounds) {
  const on = today();
  return (
    <AdminShell
      page={page}
      title="Mine indmeldinger"
      currentPath="/admin/indmeldinger"
      breadcrumbs={[{ href: "/admin", text: "Oversigt" }, { text: "Mine indmeldinger" }]}
    >
      <h1>Mine indmeldinger</h1>
      {rounds.length === 0 && (
        <Alert variant="info">Din forvaltning har ingen statusrunder at indmelde til lige nu.</Alert>
      )}
      {rounds.map(({ round, answers }) => {
        const open = answers.filter(
          (a) => a.report.state === "draft" || a.report.state === "returned",
        ).length;
        return (
          <section aria-labelledby={`round-${round.id}`}>
            <h2 id={`round-${round.id}`}>{roundName(round)}</h2>
            <p>
              {`${round.policyTitle} · frist ${formatDanishDate(round.deadline)} · `}
              <RoundStateBadge state={round.state as RoundState} />
            </p>
            {round.state !== "locked" && (
              <p>{open === 0 ? "Alle svar er indsendt." : `${open} svar mangler at blive indsendt.`}</p>
            )}
            <DataTable
              caption={`Svar i ${roundName(round)}`}
              captionHidden
              compact
              columns={[
                {
                  header: "Initiativ eller mål",
                  rowHeader: true,
                  cell: (a: Answer) => (
                    <a href={link(`/admin/indmeldinger/${a.report.id}`)}>
                      {a.report.initiativeId ? "" : "Mål: "}
                      {a.initiativeTitle ?? a.goalText ?? ""}
                    </a>
                  ),
                },
                { header: "Forvaltning", cell: (a) => a.administrationCode },
                {
                  header: "Status",
                  cell: (a) => <AnswerState round={round} state={a.report.state} on={on} />,
                },
                {
                  header: "Vurdering",
                  cell: (a) =>
                    a.report.rating ? <RatingBadge rating={a.report.rating as Rating} /> : "Ikke angivet",
                },
              ]}
              rows={answers}
              emptyText="Din forvaltning har ingen initiativer eller mål i runden."
            />
          </section>
        );
      })}
    </AdminShell>
  );
}
