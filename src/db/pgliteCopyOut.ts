// `COPY … TO STDOUT` on PGlite, inside the transaction open on it: the statement goes to
// PGlite as a wire-protocol message and PGlite's own protocol parser reads the answer, one
// CopyData message per record. COPY to its /dev/blob device instead costs more than the
// query itself for a large resource: the device keeps a copy of every small write and joins
// them into a Blob (observations of the national data set, 588,000 records: 3.3 s CPU by
// /dev/blob, 2.6 s this way; bench/nationalExport.ts).
import { type PGlite, protocol } from "@electric-sql/pglite";

export interface CopiedOut {
  /** The data the statement wrote. */
  text: Buffer;
  /** Its records: PostgreSQL sends each record of COPY TO STDOUT as one CopyData message. */
  records: number;
}

/** The data the statement writes, as one buffer, and its number of records; throws the database's error. */
export async function pgliteCopyOut(pglite: PGlite, statement: string): Promise<CopiedOut> {
  const parser = new protocol.Parser();
  const chunks: Uint8Array[] = [];
  let failure: Error | undefined;
  // No file is written: nothing to sync.
  await pglite.execProtocolRawStream(protocol.serialize.query(statement), {
    syncToFs: false,
    onRawData: (data) =>
      parser.parse(data, (message) => {
        if (message instanceof protocol.messages.CopyDataMessage) chunks.push(message.chunk);
        else if (message instanceof protocol.messages.DatabaseError) failure ??= message;
      }),
  });
  if (failure) throw failure;
  return { text: Buffer.concat(chunks), records: chunks.length };
}
