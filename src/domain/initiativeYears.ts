// When an initiative runs: the rule the portal's browse page and the API's year
// filter share (the API asks it in SQL: queries/initiatives/initiatives.ts, held
// to this by src/api/filters.test.ts).

export interface InitiativeYears {
  /** Its own start year, else its policy's. */
  start: number | null;
  /** Its own end year, else its policy's, else its start (a start and no end is that one year). */
  end: number | null;
  /** The years its budget lines name. */
  lineYears: ReadonlySet<number>;
}

/** Its own period, its policy's where its own is not registered. */
export function initiativeYears(
  own: { startYear: number | null; endYear: number | null },
  policy: { periodStart: number | null; periodEnd: number | null },
  lineYears: ReadonlySet<number>,
): InitiativeYears {
  const start = own.startYear ?? policy.periodStart;
  return { start, end: own.endYear ?? policy.periodEnd ?? start, lineYears };
}

/** Runs in `year`: it has a budget line for the year, or its period covers the year. */
export function runsInYear(i: InitiativeYears, year: number): boolean {
  if (i.lineYears.has(year)) return true;
  return i.start !== null && i.end !== null && i.start <= year && i.end >= year;
}
