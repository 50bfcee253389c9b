// The CSV that `COPY (…) TO … WITH (FORMAT csv)` writes when each record begins with its
// organisation's id (exportSql.ts, copySelectText): split into runs of records of one
// organisation, that column cut off. A record ends at a line
// break outside quotes ("" inside quotes is an escaped quote and toggles twice).
const QUOTE = 0x22;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const UUID = 36;
/** "organisation," in front of every record. */
const PREFIX = UUID + 1;

export interface RecordRun {
  organisationId: string;
  /** The records, each ending in a line break, without their leading column. */
  text: Buffer;
  records: number;
}

export class KeyedCsv {
  private rest: Buffer = Buffer.alloc(0);
  /** True when a record was led by an empty field: a number the package cannot write (left out). */
  unwritable = false;

  /** The complete records of `chunk` (and of what was left over before it), by organisation. */
  push(chunk: Buffer): RecordRun[] {
    const buf = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    const out = Buffer.allocUnsafe(buf.length);
    const runs: RecordRun[] = [];
    let written = 0;
    let runStart = 0;
    let runRecords = 0;
    let runOrganisation = "";
    let start = 0;
    let i = 0;
    // The next quote at or after i (or buf.length for none), searched again only once passed.
    let quote = -1;
    const nextQuote = (from: number) => {
      if (quote < from) {
        const found = buf.indexOf(QUOTE, from);
        quote = found < 0 ? buf.length : found;
      }
      return quote;
    };
    for (;;) {
      const newline = buf.indexOf(NEWLINE, i);
      if (newline < 0) break;
      const q = nextQuote(i);
      if (q < newline) {
        // A quoted field: skip to its closing quote, then look for the record's end again.
        const close = buf.indexOf(QUOTE, q + 1);
        if (close < 0) break;
        i = close + 1;
        continue;
      }
      if (buf[start] === COMMA) {
        // No organisation: a number the package cannot write (exportSql.ts, copySelectText).
        this.unwritable = true;
        start = i = newline + 1;
        continue;
      }
      const organisationId = buf.toString("latin1", start, start + UUID);
      if (organisationId !== runOrganisation) {
        if (runRecords)
          runs.push({
            organisationId: runOrganisation,
            text: out.subarray(runStart, written),
            records: runRecords,
          });
        runOrganisation = organisationId;
        runStart = written;
        runRecords = 0;
      }
      written += buf.copy(out, written, start + PREFIX, newline + 1);
      runRecords++;
      start = i = newline + 1;
    }
    if (runRecords)
      runs.push({
        organisationId: runOrganisation,
        text: out.subarray(runStart, written),
        records: runRecords,
      });
    this.rest = Buffer.from(buf.subarray(start));
    return runs;
  }

  /** True when the input ended inside a record (a broken stream). */
  get unfinished(): boolean {
    return this.rest.length > 0;
  }
}
