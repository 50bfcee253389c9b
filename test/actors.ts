// Users with a role, and the actor their requests would carry.
import { randomUUID } from "node:crypto";
import type { Actor } from "../src/context.ts";
import { roleAssignments, users } from "../src/db/schema.ts";
import type { Role } from "../src/domain/enums.ts";
import type { TestOrganisation } from "./factories.ts";

export async function buildActor(org: TestOrganisation, role: Role, administrationCode?: string) {
  const administrationId = administrationCode ? org.administrationIds[administrationCode]! : null;
  const [user] = await org.db
    .insert(users)
    .values({
      organisationId: org.organisationId,
      name: `${role} ${administrationCode ?? ""}`.trim(),
      email: `${randomUUID()}@example.dk`,
    })
    .returning();
  await org.db
    .insert(roleAssignments)
    .values({ organisationId: org.organisationId, userId: user!.id, role, administrationId });
  const actor: Actor = {
    kind: "user",
    userId: user!.id,
    label: user!.email,
    grants: [{ role, administrationId }],
  };
  return { user: user!, actor, ctx: org.ctx(actor) };
}
