// The organisation's users with their roles, for user management (admins only;
// for anyone else a 404).
import { and, asc, eq } from "drizzle-orm";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { administrations, roleAssignments, users } from "../db/schema.ts";
import type { Role } from "../domain/enums.ts";
import { notFound } from "../errors.ts";
import { inOrganisation } from "./scope.ts";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
  lastLoginAt: string | null;
  roles: { role: Role; administrationCode: string | null }[];
}

export async function usersForAdmin(ctx: Context, id?: string): Promise<UserRow[]> {
  authorize(ctx.actor, "manage", { entity: "user" }, { hidden: true });
  const rows = await ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      disabled: users.disabled,
      lastLoginAt: users.lastLoginAt,
      role: roleAssignments.role,
      administrationCode: administrations.code,
    })
    .from(users)
    .leftJoin(
      roleAssignments,
      and(eq(roleAssignments.userId, users.id), inOrganisation(roleAssignments, ctx.organisationId)),
    )
    .leftJoin(
      administrations,
      and(
        eq(administrations.id, roleAssignments.administrationId),
        inOrganisation(administrations, ctx.organisationId),
      ),
    )
    .where(
      id
        ? and(eq(users.organisationId, ctx.organisationId), eq(users.id, id))
        : eq(users.organisationId, ctx.organisationId),
    )
    .orderBy(asc(users.name), asc(users.email));
  const byId = new Map<string, UserRow>();
  for (const r of rows) {
    const user = byId.get(r.id) ?? {
      id: r.id,
      name: r.name,
      email: r.email,
      disabled: r.disabled,
      lastLoginAt: r.lastLoginAt,
      roles: [],
    };
    if (r.role) user.roles.push({ role: r.role as Role, administrationCode: r.administrationCode });
    byId.set(r.id, user);
  }
  return [...byId.values()];
}

export async function userForAdmin(ctx: Context, id: string): Promise<UserRow> {
  const [user] = await usersForAdmin(ctx, id);
  if (!user) throw notFound("The user");
  return user;
}
