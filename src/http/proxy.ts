// Who is asking, and over which scheme, when Pejl may sit behind a reverse
// proxy. The socket's peer is then the proxy, and only the proxy's
// X-Forwarded-For and X-Forwarded-Proto say who the client is and whether it
// came over TLS. They are believed only from peers PEJL_TRUST_PROXY names
// (Express's rules, by its own proxy-addr); anyone else could forge them.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import proxyaddr from "proxy-addr";

/** Whether a peer at `address`, `hop` steps from Pejl, is a proxy whose forwarded headers count. */
export type TrustProxy = (address: string, hop: number) => boolean;

export interface ClientInfo {
  /** The client's address: the socket's peer, or the forwarded one from a trusted proxy. */
  address: string;
  /** Reached over TLS: directly, or as a trusted proxy says in X-Forwarded-Proto. */
  https: boolean;
}

const trustNone: TrustProxy = () => false;

/**
 * PEJL_TRUST_PROXY: empty or "false" (default) believes no forwarded header;
 * "true" every peer (only when the proxy is the sole way in); a number the
 * nearest N hops; otherwise a comma-separated list of addresses, CIDR ranges
 * or the names loopback, linklocal, uniquelocal.
 */
export function parseTrustProxy(setting: string | undefined): TrustProxy {
  const value = (setting ?? "").trim();
  if (value === "" || value === "false") return trustNone;
  if (value === "true") return () => true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  try {
    return proxyaddr.compile(value.split(",").map((part) => part.trim()));
  } catch (error) {
    throw new Error(
      `PEJL_TRUST_PROXY must be true, false, a number of hops or a list of addresses: ${(error as Error).message}`,
    );
  }
}

/** The client as a request's peer and headers show it, under the trust setting. */
export function resolveClient(
  request: { peer: string; url: string; forwardedFor?: string; forwardedProto?: string },
  trust: TrustProxy,
): ClientInfo {
  const direct = new URL(request.url).protocol === "https:";
  if (request.peer === "unknown" || !trust(request.peer, 0)) return { address: request.peer, https: direct };
  const headers: Record<string, string> = {};
  if (request.forwardedFor) headers["x-forwarded-for"] = request.forwardedFor;
  // proxy-addr walks X-Forwarded-For from the nearest hop while each is trusted.
  const like = {
    headers,
    socket: { remoteAddress: request.peer },
    connection: { remoteAddress: request.peer },
  };
  const address = proxyaddr(like as unknown as Parameters<typeof proxyaddr>[0], trust);
  // With several proxies the nearest one's view is the last entry.
  const proto = request.forwardedProto?.split(",").at(-1)?.trim().toLowerCase();
  return { address, https: direct || proto === "https" };
}

function peerOf(c: HonoContext): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests and tools has no socket.
    return "unknown";
  }
}

/** One year, as OWASP recommends; only ever sent over TLS, where browsers heed it. */
const HSTS = "max-age=31536000; includeSubDomains";

/** Resolves the request's client once, and sends HSTS on responses that went over TLS. */
export function clientInfo(trust: TrustProxy = trustNone): MiddlewareHandler {
  return async (c, next) => {
    const client = resolveClient(
      {
        peer: peerOf(c),
        url: c.req.url,
        forwardedFor: c.req.header("x-forwarded-for"),
        forwardedProto: c.req.header("x-forwarded-proto"),
      },
      trust,
    );
    c.set("client", client);
    await next();
    if (client.https) c.header("Strict-Transport-Security", HSTS);
  };
}

function clientOf(c: HonoContext): ClientInfo {
  return (c.get("client") as ClientInfo | undefined) ?? { address: peerOf(c), https: false };
}

/** The client's address, for the login throttle and the hearing form's rate limit. */
export function clientAddress(c: HonoContext): string {
  return clientOf(c).address;
}

/** Whether the client reached Pejl over TLS (then cookies are Secure). */
export function isHttps(c: HonoContext): boolean {
  return clientOf(c).https || new URL(c.req.url).protocol === "https:";
}
