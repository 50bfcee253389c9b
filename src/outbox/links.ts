// Absolute links for e-mails and the demo users' note: they are read outside Pejl,
// so a path alone is no use.

/** PEJL_PUBLIC_URL when set (a proxy or another host), else this machine on the server's port. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PEJL_PUBLIC_URL) return env.PEJL_PUBLIC_URL;
  const port = Number.parseInt(env.PORT ?? "", 10);
  return `http://localhost:${Number.isInteger(port) && port > 0 ? port : 3000}`;
}

export function publicLink(pathname: string): string {
  return new URL(pathname, publicBaseUrl()).href;
}
