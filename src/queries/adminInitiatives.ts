// One initiative for the admin's editor. The check is the editor's own rule
// ("update"), so a reporter of another administration meets a 404, as for any
// item outside their workspace.
import { and, eq } from "drizzle-orm";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { administrations, initiatives } from "../db/schema.ts";
import { notFound } from "../errors.ts";

export async function initiativeForEdit(ctx: Context, id: string) {
  const [row] = await ctx.db
    .select({
      id: initiatives.id,
      version: initiatives.version,
      title: initiatives.title,
      description: initiatives.description,
      fundingStatus: initiatives.fundingStatus,
      status: initiatives.status,
      administrationId: initiatives.administrationId,
      administrationCode: administrations.code,
    })
    .from(initiatives)
    .leftJoin(administrations, eq(administrations.id, initiatives.administrationId))
    .where(and(eq(initiatives.id, id), eq(initiatives.organisationId, ctx.organisationId)));
  if (!row) throw notFound("The initiative");
  authorize(ctx.actor, "update", { entity: "registry", administrationId: row.administrationId });
  return row;
}
