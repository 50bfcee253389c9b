// The records of one COPY of many organisations on PGlite, each led by its organisation's
// id (exportSql.ts, copySelectText), written without that column to the organisation's
// file as PGlite hands them over (pgliteCopyOut.ts). PGlite runs the whole statement in
// one synchronous call, so they are written there, synchronously, a buffer at a time: the
// resource is never held in memory, as it would be if kept until the call returned.
import fs from "node:fs";

const UUID = 36;
const COMMA = 0x2c;
// Bytes gathered before a write; each organisation's run is written when the next begins.
const BUFFER = 1 << 20;

export class KeyedRecords {
  private readonly out = Buffer.allocUnsafe(BUFFER);
  private used = 0;
  private readonly key = Buffer.alloc(UUID);
  private organisationId: string | null = null;
  private fd = -1;
  private count = 0;
  private readonly counts = new Map<string, number>();
  /** True when a record was led by an empty field: a number the package cannot write (left out). */
  unwritable = false;

  /** `files`: each organisation's open file descriptor, by its id. */
  constructor(private readonly files: Map<string, number>) {}

  /** One record, `data` from `start` to `end`: the organisation's id (or nothing), a comma, the record's cells. */
  readonly record = (data: Buffer, start: number, end: number): void => {
    if (data[start] === COMMA) {
      this.unwritable = true;
      return;
    }
    if (end - start <= UUID || data[start + UUID] !== COMMA)
      throw new Error("A copied record does not begin with its organisation's id.");
    if (!this.sameOrganisation(data, start)) this.begin(data.toString("latin1", start, start + UUID));
    const from = start + UUID + 1;
    const length = end - from;
    if (this.used + length > BUFFER) this.flush();
    if (length > BUFFER) writeAll(this.fd, data.subarray(from, end));
    else {
      data.copy(this.out, this.used, from, end);
      this.used += length;
    }
    this.count++;
  };

  /** Writes what is gathered; the number of records written for each organisation, by its id. */
  finish(): Map<string, number> {
    this.end();
    return this.counts;
  }

  private sameOrganisation(data: Buffer, start: number): boolean {
    if (this.organisationId === null) return false;
    for (let i = 0; i < UUID; i++) if (data[start + i] !== this.key[i]) return false;
    return true;
  }

  private begin(organisationId: string): void {
    this.end();
    const fd = this.files.get(organisationId);
    if (fd === undefined)
      throw new Error(`A copied record is of an organisation not exported: ${organisationId}.`);
    this.organisationId = organisationId;
    this.fd = fd;
    this.key.write(organisationId, "latin1");
  }

  private end(): void {
    this.flush();
    if (this.organisationId !== null)
      this.counts.set(this.organisationId, (this.counts.get(this.organisationId) ?? 0) + this.count);
    this.count = 0;
  }

  private flush(): void {
    if (this.used) writeAll(this.fd, this.out.subarray(0, this.used));
    this.used = 0;
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}
