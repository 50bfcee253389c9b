// Renders a hono/jsx element (or a template, web/components/markup.ts) to an
// HTML string (for pages, tests, reports and the static site export).
// Components here are synchronous, but toString() may return a promise when an
// async component is used, so this always awaits.

/** The time spent rendering while a bench's timer runs (bench/render.ts); undefined otherwise. */
let timing: { ms: number } | undefined;

/** Starts adding up the time spent in rendering; `stop` gives the milliseconds so far and ends it. */
export function renderTimer(): { stop(): number } {
  const timer = { ms: 0 };
  timing = timer;
  return {
    stop() {
      if (timing === timer) timing = undefined;
      return timer.ms;
    },
  };
}

export async function renderToString(element: unknown): Promise<string> {
  const node = (await element) as { toString(): string | Promise<string> };
  const timer = timing;
  const started = timer ? performance.now() : 0;
  // The synchronous part is the rendering; an async component's rest is awaited after.
  const text = node.toString();
  if (timer) timer.ms += performance.now() - started;
  return String(await text);
}
