// Adds a measurement of an indicator, or edits one (guarded by its version).
// The period is stored canonically and its year derived from it; one value per
// indicator, period and disaggregation.
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { indicators, observations } from "../../db/schema.ts";
import { observationFields as o } from "../../domain/entities/observation.ts";
import { parsePeriod, periodYear } from "../../domain/period.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { authorizeRegistry, parseInput, requireRow } from "./shared.ts";

/** The observation entity's rules. */
const fields = o;
export const observationSaveSchema = z.union([
  z.object({ id: z.uuid(), version: z.number().int().positive(), ...fields }),
  z.object({ indicatorId: z.uuid(), ...fields }),
]);

export async function observationSaver(ctx: Context, input: unknown) {
  const data = parseInput(observationSaveSchema, input);
  const parsed = parsePeriod(data.period);
  const year = parsed.ok ? periodYear(parsed.value) : 0;
  const values = {
    period: data.period,
    year,
    value: data.value,
    disaggregation: data.disaggregation,
    n: data.n,
    footnote: data.footnote,
    source: data.source,
  };
  return inTransaction(ctx, async (tx) => {
    if ("id" in data) {
      authorizeRegistry(tx, "update");
      const [current] = await tx.db
        .select({ indicatorId: observations.indicatorId })
        .from(observations)
        .where(and(eq(observations.id, data.id), eq(observations.organisationId, tx.organisationId)));
      if (current) await refuseDuplicate(tx, current.indicatorId, values, data.id);
      const { before, after } = await updateVersioned(
        tx,
        observations,
        data.id,
        data.version,
        values,
        "The observation",
      );
      await recordAudit(tx, {
        action: "observation.update",
        entity: "observation",
        entityId: data.id,
        before,
        after,
      });
      return after;
    }
    authorizeRegistry(tx, "create");
    await requireRow(tx, indicators, data.indicatorId, "The indicator");
    await refuseDuplicate(tx, data.indicatorId, values);
    const [after] = await tx.db
      .insert(observations)
      .values({ organisationId: tx.organisationId, indicatorId: data.indicatorId, ...values })
      .returning();
    await recordAudit(tx, {
      action: "observation.create",
      entity: "observation",
      entityId: after!.id,
      after,
    });
    return after!;
  });
}

async function refuseDuplicate(
  ctx: Context,
  indicatorId: string,
  v: { period: string; disaggregation: string },
  exceptId?: string,
) {
  const [clash] = await ctx.db
    .select({ id: observations.id })
    .from(observations)
    .where(
      and(
        eq(observations.indicatorId, indicatorId),
        eq(observations.period, v.period),
        eq(observations.disaggregation, v.disaggregation),
        exceptId ? ne(observations.id, exceptId) : undefined,
      ),
    );
  if (clash)
    throw new AppError(
      "duplicate",
      `The indicator already has a value for ${v.period}${v.disaggregation ? ` (${v.disaggregation})` : ""}.`,
      {
        danish: `Indikatoren har allerede en måling for ${v.period}${v.disaggregation ? ` (${v.disaggregation})` : ""}.`,
      },
    );
}
