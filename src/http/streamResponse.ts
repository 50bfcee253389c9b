// A response body read from a generator a piece at a time, as the client takes it: a client
// that goes away cancels the stream, which ends the generator (its `finally` runs) and
// keeps nothing further.
export function streamOf(pieces: Generator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel() {
      pieces.return(undefined);
    },
  });
}
