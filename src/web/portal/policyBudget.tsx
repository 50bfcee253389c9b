// The budget table of a policy or action plan page: money per label and per year (and
// for the whole period), totals per year, and whether they agree with the "I alt" the
// document itself states, in Danish.
import { formatDkk } from "../../domain/format.ts";
import { link } from "../../http/links.ts";
import type { BudgetRow, PolicyBudget } from "../../queries/policies/budget.ts";
import { DataTable } from "../components/DataTable.tsx";
import { listText } from "./common.tsx";

const amount = (v: number | undefined) => (v === undefined ? "–" : formatDkk(v));

/** Sentences on how the table's totals compare with the document's own "I alt". */
export function statedTotalCheck(budget: PolicyBudget): string[] {
  if (!budget.stated) return [];
  const agree: number[] = [];
  const differ: string[] = [];
  for (const [year, stated] of [...budget.stated].sort((a, b) => a[0] - b[0])) {
    const sum = budget.totals.get(year) ?? 0;
    if (sum === stated) agree.push(year);
    else
      differ.push(
        `${year}: linjerne summerer til ${formatDkk(sum)}, dokumentet angiver ${formatDkk(stated)} i alt (forskel ${formatDkk(Math.abs(stated - sum))})`,
      );
  }
  const out: string[] = [];
  if (agree.length) out.push(`Summen stemmer med dokumentets »I alt« for ${listText(agree.map(String))}.`);
  if (differ.length) out.push(`Summen stemmer ikke med dokumentets »I alt«: ${differ.join("; ")}.`);
  return out;
}

export function PolicyBudgetSection(props: { budget: PolicyBudget; kind: string }) {
  const { budget } = props;
  const periods: (number | null)[] = [...budget.years, ...(budget.hasWholePeriod ? [null] : [])];
  const head = (p: number | null) => (p === null ? "Hele perioden" : String(p));
  return (
    <section aria-labelledby="oekonomi-heading">
      <h2 id="oekonomi-heading">Økonomi</h2>
      {budget.rows.length === 0 ? (
        <p>Der er ikke registreret beløb for initiativerne under denne {props.kind}.</p>
      ) : (
        <>
          <DataTable<BudgetRow>
            caption="Budget pr. post og år i kroner"
            compact
            stacked
            rows={budget.rows}
            columns={[
              {
                header: "Post",
                rowHeader: true,
                cell: (r) => <a href={link(`/initiativer/${r.initiativeId}`)}>{r.label}</a>,
              },
              ...periods.map((p) => ({
                header: head(p),
                numeric: true,
                cell: (r: BudgetRow) => amount(r.amounts.get(p)),
              })),
            ]}
            footer={["I alt", ...periods.map((p) => amount(budget.totals.get(p)))]}
          />
          {budget.hasWholePeriod && budget.years.length > 0 && (
            <p>Beløb for hele perioden er ikke fordelt på år og er ikke lagt til årenes summer.</p>
          )}
          {statedTotalCheck(budget).map((s) => (
            <p>{s}</p>
          ))}
        </>
      )}
    </section>
  );
}
