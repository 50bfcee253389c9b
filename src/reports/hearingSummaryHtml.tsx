// The hearing summary (høringsnotat) as HTML, inside the admin page frame. Every
// value is a JSX child, so responses' text is escaped.
import type { HearingSummary } from "./hearingSummaryModel.ts";

export function HearingSummaryBody({ summary }: { summary: HearingSummary }) {
  return (
    <div class="hearing-summary">
      <p>
        {summary.policyTitle ? `Udkast til ${summary.policyTitle}. ` : ""}Høringsperiode: {summary.period}.
        Status: {summary.state}.
      </p>
      {summary.invited.length > 0 && <p>Inviterede høringsparter: {summary.invited.join(", ")}.</p>}
      <p>Antal høringssvar: {summary.responseCount}.</p>

      <h2>Høringssvar pr. mål og afsnit</h2>
      <table class="table table--compact">
        <caption>Antal høringssvar pr. mål og afsnit</caption>
        <thead>
          <tr>
            <th scope="col">Mål eller afsnit</th>
            <th scope="col" class="text-align-right">
              Antal svar
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.sections.map((s) => (
            <tr>
              <th scope="row">{s.section}</th>
              <td class="text-align-right" data-section-count={s.section}>
                {s.count}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {summary.sections.map((s, i) => (
        <section aria-labelledby={`afsnit-${i + 1}`}>
          <h3 id={`afsnit-${i + 1}`}>{s.section}</h3>
          {s.entries.length === 0 ? (
            <p>Ingen høringssvar om dette mål.</p>
          ) : (
            <table class="table">
              <caption class="sr-only">Høringssvar om {s.section}</caption>
              <thead>
                <tr>
                  <th scope="col">Høringspart</th>
                  <th scope="col">Bemærkninger</th>
                  <th scope="col">Forvaltningens kommentar</th>
                </tr>
              </thead>
              <tbody>
                {s.entries.map((e) => (
                  <tr>
                    <th scope="row">
                      {e.from}
                      <br />
                      <span class="form-hint">{e.kind}</span>
                    </th>
                    <td>{e.said}</td>
                    <td>{e.comment || "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}

      <h2>Høringsparter</h2>
      <table class="table table--compact">
        <caption class="sr-only">Høringsparter der har svaret</caption>
        <thead>
          <tr>
            <th scope="col">Høringspart</th>
            <th scope="col">Slags</th>
            <th scope="col">Modtaget</th>
            <th scope="col">Offentliggjort</th>
          </tr>
        </thead>
        <tbody>
          {summary.respondents.map((r) => (
            <tr>
              <th scope="row">{r.from}</th>
              <td>{r.kind}</td>
              <td>{r.received}</td>
              <td>{r.published ? "Ja" : "Nej"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
