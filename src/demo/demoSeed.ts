// After the corpus: the demo users and the example round, once. The marker is
// written in the same transaction as the users and the round, so a failed
// seed is tried again on the next start instead of half-done forever.
import { type Context, inTransaction } from "../context.ts";
import { settings } from "../db/schema.ts";
import type { Logger } from "../logger.ts";
import { createDemoObservations } from "./demoObservations.ts";
import { createDemoRound } from "./demoRound.ts";
import { createDemoUsers, demoUsersText, writeDemoUsersFile } from "./demoUsers.ts";

export async function seedDemo(
  ctx: Context,
  opts: {
    dataDir: string;
    baseUrl: string;
    print: boolean;
    logger: Logger;
    emailDomain?: string;
    now?: Date;
  },
) {
  const result = await inTransaction(ctx, async (tx) => {
    const inserted = await tx.db
      .insert(settings)
      .values({
        organisationId: tx.organisationId,
        key: "demo_seeded",
        value: { at: new Date().toISOString() },
      })
      .onConflictDoNothing()
      .returning();
    // Someone else (another start at the same moment) seeded already.
    if (!inserted.length) return null;
    const users = await createDemoUsers(tx, { emailDomain: opts.emailDomain });
    const round = await createDemoRound(tx, users, { now: opts.now });
    const observations = await createDemoObservations(tx, { now: opts.now });
    return { users, round, observations };
  });
  if (!result) return null;
  const text = demoUsersText(result.users, opts.baseUrl);
  if (result.users.some((u) => u.password)) {
    const file = writeDemoUsersFile(opts.dataDir, text);
    if (opts.print) process.stdout.write(`\n${text}(Also written to ${file}; shown only this once.)\n\n`);
  }
  if (result.round)
    opts.logger.info(
      { roundId: result.round.roundId, submitted: result.round.submitted, drafts: result.round.drafts },
      `demo: example round opened for "${result.round.policyTitle}"`,
    );
  return result;
}
