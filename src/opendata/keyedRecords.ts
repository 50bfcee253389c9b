// The records of one COPY of many organisations on PGlite, each led by its organisation's
// id (exportSql.ts, copySelectText), handed on without that column, a run of one
// organisation's records at a time, as PGlite hands them over (pgliteCopyOut.ts). PGlite
// runs the whole statement in one synchronous call, so they are handed on there,
// synchronously, a buffer at a time: the resource is never held in memory, as it would be
// if kept until the call returned.

/** A run of one organisation's records; `text` is valid only during the call. */
export type OnRun = (organisationId: string, text: Buffer, records: number) => void;

const UUID = 36;
const COMMA = 0x2c;
// Bytes gathered before they are handed on; each organisation's run goes when the next begins.
const BUFFER = 1 << 20;

export class KeyedRecords {
  private readonly out = Buffer.allocUnsafe(BUFFER);
  private used = 0;
  private readonly key = Buffer.alloc(UUID);
  private organisationId: string | null = null;
  /** Records gathered in `out`. */
  private count = 0;
  /** True when a record was led by an empty field: a number the package cannot write (left out). */
  unwritable = false;

  constructor(private readonly onRun: OnRun) {}

  /** One record, `data` from `start` to `end`: the organisation's id (or nothing), a comma, the record's cells. */
  readonly record = (data: Buffer, start: number, end: number): void => {
    if (data[start] === COMMA) {
      this.unwritable = true;
      return;
    }
    if (end - start <= UUID || data[start + UUID] !== COMMA)
      throw new Error("A copied record does not begin with its organisation's id.");
    if (!this.sameOrganisation(data, start)) {
      this.flush();
      this.organisationId = data.toString("latin1", start, start + UUID);
      this.key.write(this.organisationId, "latin1");
    }
    const from = start + UUID + 1;
    const length = end - from;
    if (this.used + length > BUFFER) this.flush();
    if (length > BUFFER) this.onRun(this.organisationId!, data.subarray(from, end), 1);
    else {
      data.copy(this.out, this.used, from, end);
      this.used += length;
      this.count++;
    }
  };

  /** Hands on what is gathered. */
  finish(): void {
    this.flush();
  }

  private sameOrganisation(data: Buffer, start: number): boolean {
    if (this.organisationId === null) return false;
    for (let i = 0; i < UUID; i++) if (data[start + i] !== this.key[i]) return false;
    return true;
  }

  private flush(): void {
    if (this.count) this.onRun(this.organisationId!, this.out.subarray(0, this.used), this.count);
    this.used = 0;
    this.count = 0;
  }
}
