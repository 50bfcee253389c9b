// Absolute links for e-mails: messages are read outside Pejl, so a path alone is no use.
export function publicLink(pathname: string): string {
  return new URL(pathname, process.env.PEJL_PUBLIC_URL || "http://localhost:3000").href;
}
