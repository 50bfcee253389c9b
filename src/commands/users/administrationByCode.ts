// An administration as a form, the CLI or the API names it (a role's, an inquiry's answering one): by its code.
import { and, eq } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { administrations } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";

/** The id of the organisation's administration with this code (null for none given); refused when none has it. */
export async function administrationIdOf(
  ctx: Context,
  code: string | null | undefined,
): Promise<string | null> {
  if (!code) return null;
  const [admin] = await ctx.db
    .select({ id: administrations.id })
    .from(administrations)
    .where(and(eq(administrations.organisationId, ctx.organisationId), eq(administrations.code, code)));
  if (!admin)
    throw new AppError("validation_failed", `There is no administration with the code ${code}.`, {
      details: [{ path: "administration", message: "no administration has this code" }],
    });
  return admin.id;
}
