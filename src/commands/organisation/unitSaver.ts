// Adds or changes an administration or a committee (code and name). A change
// names the version it read; a code is unique within the organisation.
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { type UnitKind, unitTable } from "../../queries/organisation/units.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";

/** Short capitals such as BIF or ØKU; stored in capitals whatever was typed. */
export const unitCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-ZÆØÅ0-9]{2,10}$/u, "2 to 10 letters or digits");
export const unitNameSchema = z.string().trim().min(2).max(200);

export const unitSaveSchema = z
  .object({
    id: z.uuid().optional(),
    version: z.number().int().positive().optional(),
    code: unitCodeSchema,
    name: unitNameSchema,
  })
  .refine((v) => !v.id || v.version !== undefined, {
    message: "the version read is required to change an existing one",
    path: ["version"],
  });
export type UnitSave = z.input<typeof unitSaveSchema>;

export const unitWords: Record<UnitKind, { what: string; danish: string; definite: string }> = {
  administration: { what: "The administration", danish: "forvaltning", definite: "forvaltningen" },
  committee: { what: "The committee", danish: "udvalg", definite: "udvalget" },
};

export async function unitSaver(ctx: Context, kind: UnitKind, input: unknown) {
  const parsed = unitSaveSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { id, version, code, name } = parsed.data;
  authorize(ctx.actor, "manage", { entity: "organisation" });
  const table = unitTable(kind);
  const words = unitWords[kind];
  return inTransaction(ctx, async (tx) => {
    const [clash] = await tx.db
      .select({ name: table.name })
      .from(table)
      .where(
        and(
          eq(table.organisationId, tx.organisationId),
          eq(table.code, code),
          id ? ne(table.id, id) : undefined,
        ),
      );
    if (clash)
      throw new AppError("duplicate", `${words.what} code ${code} is already used by ${clash.name}.`, {
        details: [{ path: "code", message: "already in use" }],
        danish: `Koden ${code} bruges allerede af ${clash.name}. Vælg en anden kode.`,
      });
    if (!id) {
      const [row] = await tx.db
        .insert(table)
        .values({ organisationId: tx.organisationId, code, name })
        .returning();
      await recordAudit(tx, { action: `${kind}.create`, entity: kind, entityId: row!.id, after: row });
      return row!;
    }
    const { before, after } = await updateVersioned(tx, table, id, version!, { code, name }, words.what);
    await recordAudit(tx, { action: `${kind}.update`, entity: kind, entityId: id, before, after });
    return after;
  });
}
