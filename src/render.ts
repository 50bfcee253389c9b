// Renders a hono/jsx element to an HTML string (for tests, reports and the
// static site export). Components here are synchronous, but toString() may
// return a promise when an async component is used, so this always awaits.
export async function renderToString(element: unknown): Promise<string> {
  const node = await element;
  return String(await (node as { toString(): string | Promise<string> }).toString());
}
