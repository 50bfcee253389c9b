// Builds the acting user, with their role grants, from a session or an API
// token. A disabled user or a revoked token acts as nobody.
import { and, eq, isNull } from "drizzle-orm";
import type { Actor, RoleGrant } from "../context.ts";
import type { Executor } from "../db/client.ts";
import { administrations, apiTokens, roleAssignments, users } from "../db/schema.ts";
import type { Role } from "../domain/enums.ts";
import { API_TOKEN_PREFIX, sha256Hex } from "./tokens.ts";

export type UserActor = Extract<Actor, { kind: "user" }> & {
  name: string;
  email: string;
  /** The grants with their administration's code, for the header ("Indberetter, BIF"). */
  roles: { role: Role; administrationCode: string | null }[];
};

export async function loadUserActor(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<UserActor | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)));
  if (!user || user.disabled) return null;
  const grants = await db
    .select({
      role: roleAssignments.role,
      administrationId: roleAssignments.administrationId,
      code: administrations.code,
    })
    .from(roleAssignments)
    .leftJoin(administrations, eq(administrations.id, roleAssignments.administrationId))
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.organisationId, organisationId)));
  return {
    kind: "user",
    userId: user.id,
    label: user.email,
    name: user.name,
    email: user.email,
    grants: grants.map((g): RoleGrant => ({ role: g.role as Role, administrationId: g.administrationId })),
    roles: grants.map((g) => ({ role: g.role as Role, administrationCode: g.code })),
  };
}

/** The user behind a bearer token, or null for an unknown or revoked token. */
export async function actorForApiToken(
  db: Executor,
  organisationId: string,
  token: string,
): Promise<UserActor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, sha256Hex(token)),
        eq(apiTokens.organisationId, organisationId),
        isNull(apiTokens.revokedAt),
      ),
    );
  if (!row) return null;
  const actor = await loadUserActor(db, organisationId, row.userId);
  if (actor && (!row.lastUsedAt || Date.now() - Date.parse(row.lastUsedAt) > 60_000))
    await db.update(apiTokens).set({ lastUsedAt: new Date().toISOString() }).where(eq(apiTokens.id, row.id));
  return actor;
}
