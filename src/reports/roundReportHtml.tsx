// The committee report as one self-contained HTML document (for download and
// print): the same text as the Word document, with the charts as inline SVG.
import { raw } from "hono/html";
import { renderToString } from "../render.ts";
import type { ReportIndicator, RoundReport } from "./roundReportModel.ts";
import {
  answerNarratives,
  answerTable,
  frontMatter,
  fundingTable,
  indicatorChart,
  indicatorStatusLine,
  indicatorTable,
  summaryTables,
  type TextTable,
} from "./roundReportText.ts";

const css = `body{font-family:"IBM Plex Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}th,td{border:1px solid #747474;padding:.3rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:.3rem 0}.example{border:2px solid #1a1a1a;padding:.5rem 1rem;font-weight:600}
figure{margin:1rem 0}@media print{section.appendix{break-before:page}}`;

function Table({ t }: { t: TextTable }) {
  if (t.rows.length === 0)
    return (
      <p>
        <strong>{t.caption}:</strong> ingen.
      </p>
    );
  return (
    <table>
      <caption>{t.caption}</caption>
      <thead>
        <tr>
          {t.header.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {t.rows.map((r) => (
          <tr>
            {r.map((c) => (
              <td>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Chart({ i, threshold }: { i: ReportIndicator; threshold: number }) {
  const chart = indicatorChart(i, {}, threshold);
  if (!chart) return null;
  const { svg, altText } = chart;
  return (
    <figure>
      {raw(svg)}
      <figcaption>{altText}</figcaption>
    </figure>
  );
}

export async function renderRoundReportHtml(r: RoundReport): Promise<string> {
  const front = frontMatter(r);
  return renderToString(
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="da">
        <head>
          <meta charset="utf-8" />
          <title>{front.title}</title>
          <style>{raw(css)}</style>
        </head>
        <body>
          <header>
            <h1>{front.title}</h1>
            <p>{front.subtitle}</p>
            <p>{front.dateLine}</p>
            {front.exampleNote && <p class="example">{front.exampleNote}</p>}
          </header>
          <main>
            <section>
              <h2>Sammenfatning</h2>
              {summaryTables(r).map((t) => (
                <Table t={t} />
              ))}
            </section>
            {r.themes.map((theme) => (
              <section>
                <h2>{theme.number === null ? theme.title : `Tema ${theme.number}: ${theme.title}`}</h2>
                {theme.goals.map((goal) => (
                  <>
                    <h3>{goal.text}</h3>
                    {goal.indicators.map((i) => (
                      <>
                        <Chart i={i} threshold={r.suppressionThreshold} />
                        <p>{indicatorStatusLine(i)}</p>
                        <Table t={indicatorTable(i, r.suppressionThreshold)} />
                      </>
                    ))}
                  </>
                ))}
              </section>
            ))}
            <section>
              <h2>Initiativer der afventer finansiering</h2>
              <Table t={fundingTable(r)} />
            </section>
            {r.administrations.map((a) => (
              <section class="appendix">
                <h2>
                  Bilag: {a.code} – {a.name}
                </h2>
                <Table t={answerTable(a.code, a.answers)} />
                {answerNarratives(a.answers).map((n) => (
                  <>
                    <h3>{n.subject}</h3>
                    {n.text.split(/\n+/).map((line) => (
                      <p>{line}</p>
                    ))}
                  </>
                ))}
              </section>
            ))}
          </main>
        </body>
      </html>
    </>,
  );
}
