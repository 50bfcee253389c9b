// Long work on a server's event loop (an export read a chunk at a time) holds up every other
// request for as long as it runs without a break: a loop over chunks already buffered (a
// `for await` over a stream) runs on, in microtasks, until the buffer is empty. A turn taker
// lets the loop give way, to the requests waiting and to the next read, once it has held the
// event loop for a while.

/** A function to await in a loop: it gives way to other work when the loop has held the event loop `ms` since it last did. */
export function turnTaker(ms = 10): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < ms) return;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}
