// Moves a round through draft → open → in review → locked. Locking makes its
// answers read-only (the database refuses changes too).
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { statusRounds } from "../../db/schema.ts";
import { type RoundState, roundStates } from "../../domain/enums.ts";
import { canTransition } from "../../domain/roundState.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadForUpdate, updateVersioned } from "../versioned.ts";

export const roundStateSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  to: z.enum(roundStates),
});

export async function roundStateChanger(ctx: Context, input: z.input<typeof roundStateSchema>) {
  const parsed = roundStateSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { id, version, to } = parsed.data;
  authorize(ctx.actor, "manage", { entity: "statusRound" });
  return inTransaction(ctx, async (tx) => {
    const round = await loadForUpdate(tx, statusRounds, id, "The status round");
    if (!canTransition(round.state as RoundState, to))
      throw new AppError("invalid_state", `A round that is ${round.state} cannot become ${to}.`);
    const now = new Date().toISOString();
    const { before, after } = await updateVersioned(
      tx,
      statusRounds,
      id,
      version,
      {
        state: to,
        ...(to === "locked" ? { lockedAt: now } : {}),
        ...(to === "open" && !round.openedAt ? { openedAt: now } : {}),
      },
      "The status round",
    );
    await recordAudit(tx, { action: `round.${to}`, entity: "status_round", entityId: id, before, after });
    return after;
  });
}
