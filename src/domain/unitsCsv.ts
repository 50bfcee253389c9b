// Administrations or committees pasted or uploaded as "code;name" lines (the
// set-up form): one unit a line, separated by a semicolon (what Danish
// spreadsheets write as CSV), a comma or a tab. A header line naming the
// columns is skipped, as are empty lines; a name may be quoted. Whether a
// code is valid or listed twice is the organisation creator's rule, not this one.

export interface UnitLine {
  code: string;
  name: string;
}

export type UnitsCsvResult =
  | { ok: true; units: UnitLine[] }
  | { ok: false; line: number; error: string; danish: string };

const HEADER = /^\s*"?(kode|code)"?\s*[;,\t]\s*"?(navn|name)"?\s*$/i;

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replaceAll('""', '"').trim()
    : trimmed;
}

/** Splits at the first separator: a name may hold commas ("Børne-, Unge- og Kulturudvalget"). */
function split(line: string): [string, string] | undefined {
  for (const separator of [";", "\t", ","]) {
    const at = line.indexOf(separator);
    if (at > 0) return [line.slice(0, at), line.slice(at + 1)];
  }
  return undefined;
}

export function parseUnitsCsv(text: string): UnitsCsvResult {
  const units: UnitLine[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    if (!line.trim() || (index === 0 && HEADER.test(line))) continue;
    const cells = split(line);
    const code = cells ? unquote(cells[0]) : "";
    const name = cells ? unquote(cells[1]) : "";
    if (!code || !name)
      return {
        ok: false,
        line: index + 1,
        error: `line ${index + 1} is not "code;name"`,
        danish: `Linje ${index + 1} har ikke formen "kode;navn".`,
      };
    units.push({ code, name });
  }
  return { ok: true, units };
}
