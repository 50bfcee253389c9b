// Documents for the admin's filters and lists.
import { asc, eq } from "drizzle-orm";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { documents } from "../db/schema.ts";

export async function listDocumentOptions(ctx: Context) {
  authorize(ctx.actor, "read", { entity: "document" }, { hidden: true });
  return ctx.db
    .select({ id: documents.id, filename: documents.filename, title: documents.title })
    .from(documents)
    .where(eq(documents.organisationId, ctx.organisationId))
    .orderBy(asc(documents.filename));
}
