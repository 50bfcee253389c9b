// The first set-up of an installation from the browser: the organisation (by
// the same command as `pejl organisation create`) and its first administrator
// (by the same command as `pejl user add --role admin`), in one transaction.
// Refused once any organisation exists, so the form cannot be used to add a
// second one or an administrator to someone else's.
import { count, sql } from "drizzle-orm";
import { type InstallationContext, inInstallationTransaction } from "../../context.ts";
import { organisations } from "../../db/schema.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { userCreateSchema, userCreator } from "../userCreator.ts";
import { type CreatedOrganisation, organisationCreator } from "./organisationCreator.ts";

export interface InstallationSetupInput {
  organisation: unknown;
  admin: { name: string; email: string; password: string };
}

export const alreadySetUp = () =>
  new AppError("invalid_state", "This installation already holds an organisation: set-up is closed.", {
    danish: "Pejl er allerede sat op. Log ind på kommunens administration i stedet.",
  });

/** Whether the installation holds no organisation yet (the set-up form is open). */
export async function needsSetup(ctx: Pick<InstallationContext, "db">): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(organisations);
  return row!.n === 0;
}

// One lock for every set-up, so two forms sent at once cannot both find the installation empty.
const SETUP_LOCK = 7_413_001;

export async function installationSetup(
  ctx: InstallationContext,
  input: InstallationSetupInput,
): Promise<{ organisation: CreatedOrganisation; admin: { name: string; email: string } }> {
  // The administrator's fields are checked before anything is written.
  const admin = userCreateSchema.safeParse({ ...input.admin, role: "admin" });
  if (!admin.success)
    throw validationFailed(admin.error.issues.map((i) => ({ ...i, path: ["admin", ...i.path] })));
  return inInstallationTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if (!(await needsSetup(tx))) throw alreadySetUp();
    const organisation = await organisationCreator(tx, input.organisation);
    const user = await userCreator(
      { db: tx.db, organisationId: organisation.id, actor: tx.actor, inTransaction: true, known: new Set() },
      { ...input.admin, role: "admin" },
    );
    return { organisation, admin: { name: user.name, email: user.email } };
  });
}
