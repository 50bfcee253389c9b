// `COPY … TO STDOUT` on PGlite, inside the transaction open on it: the statement goes to
// PGlite as a wire-protocol message and its answer is read as PGlite writes it, one
// CopyData message per record. COPY to its /dev/blob device instead costs more than the
// query itself for a large resource: the device keeps a copy of every small write and joins
// them into a Blob (observations of the national data set, 588,000 records: 3.3 s CPU by
// /dev/blob, 2.6 s this way; bench/nationalExport.ts). The CopyData messages are cut out
// here, not by PGlite's protocol parser, which made an object and a copy of every record
// (0.9 s of the national data set's 5.5 s CPU); the few other messages still go to it.
import { type PGlite, protocol } from "@electric-sql/pglite";

/**
 * Called with each record COPY writes: `data` from `start` to `end`. The bytes are the
 * database's own memory, valid only during the call: copy what is kept.
 */
export type OnRecord = (data: Buffer, start: number, end: number) => void;

// A message: its type (one byte), then its length (four bytes, counting themselves).
const HEADER = 5;
const COPY_DATA = 0x64; // "d"

/** The protocol messages of PGlite's answer, from its chunks, which break anywhere. */
class CopyDataMessages {
  records = 0;
  /** Every message but CopyData, copied, for PGlite's parser. */
  readonly others: Buffer[] = [];
  // A message begun in an earlier chunk: its bytes so far.
  private partial = Buffer.alloc(HEADER);
  private filled = 0;

  constructor(private readonly onRecord: OnRecord) {}

  push(chunk: Uint8Array): void {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let at = this.filled ? this.complete(buf) : 0;
    if (this.filled) return;
    while (at + HEADER <= buf.length) {
      const end = at + 1 + buf.readInt32BE(at + 1);
      if (end > buf.length) break;
      this.message(buf, at, end);
      at = end;
    }
    const left = buf.length - at;
    if (left === 0) return;
    this.partial = Buffer.allocUnsafe(left >= HEADER ? 1 + buf.readInt32BE(at + 1) : HEADER);
    buf.copy(this.partial, 0, at);
    this.filled = left;
  }

  /** True when the answer ended inside a message. */
  get unfinished(): boolean {
    return this.filled > 0;
  }

  /** Takes the begun message's missing bytes from the front of `buf`; returns how many it took. */
  private complete(buf: Buffer): number {
    let taken = 0;
    if (this.filled < HEADER) {
      taken = Math.min(HEADER - this.filled, buf.length);
      buf.copy(this.partial, this.filled, 0, taken);
      this.filled += taken;
      if (this.filled < HEADER) return taken;
      const whole = Buffer.allocUnsafe(Math.max(HEADER, 1 + this.partial.readInt32BE(1)));
      this.partial.copy(whole, 0, 0, HEADER);
      this.partial = whole;
    }
    const more = Math.min(this.partial.length - this.filled, buf.length - taken);
    buf.copy(this.partial, this.filled, taken, taken + more);
    this.filled += more;
    if (this.filled === this.partial.length) {
      this.filled = 0;
      this.message(this.partial, 0, this.partial.length);
    }
    return taken + more;
  }

  private message(buf: Buffer, start: number, end: number): void {
    if (buf[start] === COPY_DATA) {
      this.records++;
      this.onRecord(buf, start + HEADER, end);
    } else this.others.push(Buffer.from(buf.subarray(start, end)));
  }
}

/**
 * Runs the statement, handing each record it writes to `onRecord` while PGlite runs it (in
 * this thread, before this returns); resolves to the number of records, or throws the
 * database's error.
 */
export async function pgliteCopyOut(pglite: PGlite, statement: string, onRecord: OnRecord): Promise<number> {
  const messages = new CopyDataMessages(onRecord);
  // An error thrown into PGlite's call would unwind through PostgreSQL itself, which
  // swallows it: the first is kept instead, the rest of the answer ignored, and it is thrown here.
  let failure: unknown;
  // No file is written: nothing to sync.
  await pglite.execProtocolRawStream(protocol.serialize.query(statement), {
    syncToFs: false,
    onRawData: (data) => {
      if (failure === undefined)
        try {
          messages.push(data);
        } catch (error) {
          failure = error;
        }
    },
  });
  if (failure !== undefined) throw failure;
  new protocol.Parser().parse(Buffer.concat(messages.others), (message) => {
    if (message instanceof protocol.messages.DatabaseError) failure ??= message;
  });
  if (failure) throw failure;
  if (messages.unfinished) throw new Error("PGlite's answer to the COPY ended inside a message.");
  return messages.records;
}
