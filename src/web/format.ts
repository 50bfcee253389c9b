// Danish number, unit and period formatting shared by components, charts and
// their text alternatives, so a value reads the same in the chart, the table
// and the alt text.

const formatters = new Map<number, Intl.NumberFormat>();

function formatter(maxDecimals: number): Intl.NumberFormat {
  let f = formatters.get(maxDecimals);
  if (!f) {
    f = new Intl.NumberFormat("da-DK", { maximumFractionDigits: maxDecimals });
    formatters.set(maxDecimals, f);
  }
  return f;
}

/** 1234567.5 → "1.234.567,5" (Danish separators; up to `maxDecimals` decimals). */
export function formatNumber(value: number, maxDecimals = 1): string {
  // Intl writes a minus as U+2212 in some locales; Danish uses "-", keep it.
  return formatter(maxDecimals).format(value);
}

/**
 * A value with its unit, as Danish writes it: "62 %", "1.200 kr.", "3,5 årsværk".
 * The unit is free text from the indicator, so it is appended, never
 * interpreted; Danish puts a space before "%" as before any other unit.
 */
export function formatValue(value: number, unit: string, maxDecimals = 1): string {
  const n = formatNumber(value, maxDecimals);
  const u = unit.trim();
  if (u === "") return n;
  return `${n} ${u}`;
}

/** Amounts in DKK: "850.000 kr." below a million, "1,2 mio. kr." from a million. */
export function formatDkk(amount: number): string {
  if (Math.abs(amount) >= 1_000_000) return `${formatNumber(amount / 1_000_000, 1)} mio. kr.`;
  return `${formatNumber(amount, 0)} kr.`;
}

/** Short axis form of an amount: "1,2 mio." / "850.000". */
export function formatDkkShort(amount: number): string {
  if (Math.abs(amount) >= 1_000_000) return `${formatNumber(amount / 1_000_000, 1)} mio.`;
  return formatNumber(amount, 0);
}

/**
 * Period codes from the data model in words: "2018" stays, "2018Q3" becomes
 * "3. kvartal 2018", "2016/17" stays (a school or season year).
 */
export function formatPeriod(period: string): string {
  const quarter = /^(\d{4})\s*-?\s*Q([1-4])$/i.exec(period.trim());
  if (quarter) return `${quarter[2]}. kvartal ${quarter[1]}`;
  return period.trim();
}

/** The calendar year a period code starts in ("2016/17" → 2016, "2018Q3" → 2018), or undefined. */
export function periodYear(period: string): number | undefined {
  const m = /^(\d{4})/.exec(period.trim());
  return m ? Number(m[1]) : undefined;
}
