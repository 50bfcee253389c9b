// Random secrets for sessions, CSRF and API tokens, and the hashes stored in
// their place: the database never holds a usable token (ASVS 3.2.1, 2.10).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 bits from the OS CSPRNG, base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Compares two secrets in time independent of where they differ. */
export function sameSecret(a: string | undefined | null, b: string | undefined | null): boolean {
  if (typeof a !== "string" || typeof b !== "string" || a.length === 0) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** API tokens carry a prefix, so a leaked one is recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = "pejl_";

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomToken(32)}`;
}
