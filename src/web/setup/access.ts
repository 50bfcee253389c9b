// Who may use the set-up form of an installation without an organisation:
// someone on the server itself (a request from a loopback address that no
// proxy forwarded), or anyone who types the one-time set-up code the server
// printed in its log at start-up (so the person who started it, from anywhere).
import { randomInt } from "node:crypto";
import type { Context as HonoContext } from "hono";
import { sameSecret } from "../../auth/tokens.ts";
import { clientAddress } from "../../http/proxy.ts";

// No 0/O or 1/I: the code is read off a terminal and typed by hand.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 16 characters in four groups ("K7QM-…"), 80 bits: not to be guessed in a set-up's lifetime. */
export function newSetupCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join("")).join("-");
}

const normalized = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, "");

export function setupCodeMatches(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  return sameSecret(normalized(given), normalized(expected));
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * A request from the server's own machine. A forwarded request is never local:
 * a reverse proxy on the same machine would otherwise make every visitor look local.
 */
export function isLocalRequest(c: HonoContext): boolean {
  if (c.req.header("x-forwarded-for") || c.req.header("forwarded")) return false;
  return LOOPBACK.test(clientAddress(c));
}
