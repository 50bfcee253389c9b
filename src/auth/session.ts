// Server-side sessions (DESIGN.md §10: the service stays stateless). The row's
// id is the sha256 of the token; the token lives only in the signed cookie.
// Idle and absolute expiry follow ASVS 3.3.2 (level 2: 30 minutes idle, 12 hours).
import { and, eq, lt, or } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { sessions } from "../db/schema.ts";
import { randomToken, sha256Hex } from "./tokens.ts";

export const SESSION_COOKIE = "pejl_session";
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;
/** lastSeenAt is written at most this often, so a busy page does not write on every request. */
const TOUCH_SECONDS = 60;

export interface SessionRow {
  id: string;
  userId: string;
  organisationId: string;
  csrfToken: string;
}

export async function createSession(
  db: Executor,
  input: { organisationId: string; userId: string; now?: Date },
): Promise<{ token: string; session: SessionRow }> {
  const now = input.now ?? new Date();
  const token = randomToken();
  const row = {
    id: sha256Hex(token),
    organisationId: input.organisationId,
    userId: input.userId,
    csrfToken: randomToken(),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ABSOLUTE_HOURS * 3600_000).toISOString(),
  };
  await db.insert(sessions).values(row);
  return { token, session: row };
}

/** The live session for a cookie token, or null (unknown, idle too long, or past its absolute expiry). */
export async function findSession(
  db: Executor,
  organisationId: string,
  token: string,
  now = new Date(),
): Promise<SessionRow | null> {
  const id = sha256Hex(token);
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.organisationId, organisationId)));
  if (!row) return null;
  const idleSince = now.getTime() - Date.parse(row.lastSeenAt);
  if (Date.parse(row.expiresAt) <= now.getTime() || idleSince > IDLE_MINUTES * 60_000) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (idleSince > TOUCH_SECONDS * 1000)
    await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
  return { id: row.id, userId: row.userId, organisationId: row.organisationId, csrfToken: row.csrfToken };
}

export async function deleteSessionByToken(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256Hex(token)));
}

/** Removes expired sessions; called now and then at login so the table does not grow forever. */
export async function purgeExpiredSessions(db: Executor, now = new Date()): Promise<void> {
  const idleLimit = new Date(now.getTime() - IDLE_MINUTES * 60_000).toISOString();
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now.toISOString()), lt(sessions.lastSeenAt, idleLimit)));
}
