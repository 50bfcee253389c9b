// Danish number formatting ("1.234.567,5"). Written by hand rather than with
// Intl.NumberFormat("da-DK") so output is byte-identical on every Node/ICU build:
// reports must regenerate identically (DESIGN.md §6).

/** Groups the integer digits with "." and uses "," as the decimal mark; trailing zeros are dropped. */
export function formatNumberDa(value: number, maxDecimals = 2, minDecimals = 0): string {
  if (!Number.isFinite(value)) throw new RangeError(`Kan ikke formatere ${value} som et tal.`);
  const fixed = Math.abs(value).toFixed(maxDecimals);
  const [intPart = "0", fracPart = ""] = fixed.split(".");
  let frac = fracPart;
  while (frac.length > minDecimals && frac.endsWith("0")) frac = frac.slice(0, -1);
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const body = frac ? `${grouped},${frac}` : grouped;
  // A value that rounds to zero is shown without a sign ("0", not "-0").
  const isZero = /^[0.,]+$/.test(body);
  return value < 0 && !isZero ? `-${body}` : body;
}

/** A fraction as a Danish percentage: 0.0213 → "2,1 %"; with `signed`, "+2,1 %" / "-2,1 %". */
export function formatPercentDa(fraction: number, decimals = 1, signed = false): string {
  const text = formatNumberDa(fraction * 100, decimals);
  const sign = signed && !text.startsWith("-") && text !== "0" ? "+" : "";
  return `${sign}${text} %`;
}

/** A measured value with its unit as written in Danish: "62 %", "1.234 personer", "3,5". */
export function formatValueWithUnit(value: number, unit?: string | null, maxDecimals = 2): string {
  const number = formatNumberDa(value, maxDecimals);
  const u = unit?.trim();
  return u ? `${number} ${u}` : number;
}
