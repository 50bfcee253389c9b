// `pejl <command>`: the same commands the web and the API use, from a terminal.
// Errors: one sentence on stderr and a non-zero exit code.
import fs from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { databaseDir, openFromEnv, requireOrganisation } from "./boot.ts";
import { createContext, systemActor } from "./context.ts";
import type { Database } from "./db/client.ts";
import { parseEnv } from "./env.ts";
import { AppError, toAppError } from "./errors.ts";
import { createLogger } from "./logger.ts";

const env = () => parseEnv();
const logger = createLogger(process.env.LOG_LEVEL ?? "warn");

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openFromEnv(env());
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function withContext<T>(
  label: string,
  work: (ctx: ReturnType<typeof createContext>, database: Database) => Promise<T>,
) {
  return withDatabase(async (database) => {
    const org = await requireOrganisation(database);
    return work(
      createContext({ db: database.db, organisationId: org.id, actor: systemActor(label) }),
      database,
    );
  });
}

const program = new Command("pejl")
  .description("Pejl: follow-up of a municipality's equality and inclusion policies")
  .showHelpAfterError()
  .exitOverride();

program
  .command("serve")
  .description("serve the portal, admin and API on PORT (default 3000)")
  .option("--no-demo", "do not load the demo corpus on first run")
  .action(async (opts: { demo: boolean }) => {
    const { startServer } = await import("./server.ts");
    const { stop } = await startServer(env(), createLogger(), { demo: opts.demo });
    await new Promise<void>((resolve) => {
      for (const s of ["SIGINT", "SIGTERM"] as const) process.once(s, () => stop().then(resolve));
    });
  });

program
  .command("migrate")
  .description("create the database if needed and apply the migrations")
  .action(() =>
    withDatabase(async (database) => {
      console.log(`Migrations applied (${database.kind}: ${database.location}).`);
    }),
  );

program
  .command("demo")
  .description("load the demo organisation and the demo corpus (data/demo/)")
  .option("--force", "load again even if it was loaded before")
  .action((opts: { force?: boolean }) =>
    withDatabase(async (database) => {
      const { loadDemo } = await import("./demo.ts");
      const { organisation, loaded } = await loadDemo(database, logger, { force: opts.force });
      console.log(
        loaded
          ? `Demo loaded into ${organisation.name}.`
          : "The demo was already loaded (use --force to load again).",
      );
    }),
  );

program
  .command("export")
  .description("export the registry as open data")
  .requiredOption("--format <format>", "datapackage")
  .requiredOption("--out <dir>", "output folder (created if missing)")
  .option("--full", "include suppressed values (for backups and transfers, not for publication)")
  .action((opts: { format: string; out: string; full?: boolean }) => {
    if (opts.format !== "datapackage")
      throw new AppError("validation_failed", `Unknown format "${opts.format}": use datapackage.`);
    return withContext("cli", async (ctx) => {
      const { exportDataPackage } = await import("./opendata/export.ts");
      const result = await exportDataPackage(ctx, path.resolve(opts.out), {
        audience: opts.full ? "full" : "public",
      });
      console.log(`Exported the data package to ${path.resolve(opts.out)}.`);
      return result;
    });
  });

program
  .command("import-data <dir>")
  .description("import a data package (as written by `pejl export`) into the database")
  .action((dir: string) =>
    withContext("cli", async (ctx) => {
      const { dataPackageImporter } = await import("./commands/dataPackageImporter.ts");
      const result = await dataPackageImporter(ctx, { dir: path.resolve(dir) });
      console.log(`Imported ${path.resolve(dir)}.`);
      console.log(JSON.stringify(result, null, 2));
    }),
  );

program
  .command("backup <file>")
  .description("write a backup of the whole database to FILE")
  .action((file: string) =>
    withDatabase(async (database) => {
      const { backupDatabase } = await import("./db/backup.ts");
      const { bytes } = await backupDatabase(database, path.resolve(file));
      console.log(`Backup written to ${path.resolve(file)} (${bytes} bytes).`);
    }),
  );

program
  .command("restore <file>")
  .description("replace the database with the backup in FILE (stop the server first)")
  .action(async (file: string) => {
    const e = env();
    const backup = await import("./db/backup.ts");
    if (e.DATABASE_URL) {
      backup.restorePostgres(e.DATABASE_URL, path.resolve(file));
      console.log("Restored the PostgreSQL database.");
      return;
    }
    fs.mkdirSync(e.dataDir, { recursive: true });
    const { keptAs } = await backup.restorePglite(databaseDir(e), path.resolve(file));
    console.log(`Restored the database${keptAs ? `; the previous one is kept in ${keptAs}` : ""}.`);
  });

const user = program.command("user").description("manage users");
user
  .command("add")
  .description("add a user; prints a generated password unless --password is given")
  .requiredOption("--name <name>", "full name")
  .requiredOption("--email <email>", "e-mail address (the login)")
  .requiredOption("--role <role>", "admin, coordinator, reporter or viewer")
  .option("--administration <code>", "the reporter's administration, e.g. SOF")
  .option("--password <password>", "at least 12 characters (default: generated)")
  .action((opts: { name: string; email: string; role: string; administration?: string; password?: string }) =>
    withContext("cli", async (ctx) => {
      const { generatePassword } = await import("./auth/password.ts");
      const { userCreator } = await import("./commands/userCreator.ts");
      const password = opts.password ?? generatePassword();
      const created = await userCreator(ctx, { ...opts, password });
      console.log(`Added ${created.name} <${created.email}> as ${created.role}.`);
      if (!opts.password) console.log(`Password: ${password}`);
    }),
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  const appError = toAppError(error);
  const message =
    appError.id === "internal" && appError.cause
      ? String((appError.cause as Error).message ?? appError.cause)
      : appError.message;
  console.error(`pejl: ${message}`);
  process.exit(1);
}
