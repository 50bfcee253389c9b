// `pejl <command>`: the same commands the web and the API use, from a terminal.
// Errors: one sentence on stderr and a non-zero exit code.
import fs from "node:fs";
import path from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { databaseDir, openFromEnv } from "./boot.ts";
import { addOrganisationOption, registerOrganisationCommands } from "./cliOrganisation.ts";
import type { TransferResult } from "./commands/organisation/transferImporter.ts";
import { createContext, systemActor } from "./context.ts";
import type { Database } from "./db/client.ts";
import { parseEnv, refuseWorkersOnPglite, workerCount } from "./env.ts";
import { AppError, errorText, toAppError } from "./errors.ts";
import { createLogger } from "./logger.ts";
import { chooseOrganisation } from "./organisation.ts";

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

/** The organisation named by --organisation or PEJL_ORGANISATION (set before each action runs). */
let namedOrganisation: string | undefined;

async function withContext<T>(
  label: string,
  work: (ctx: ReturnType<typeof createContext>, database: Database) => Promise<T>,
) {
  return withDatabase(async (database) => {
    const org = await chooseOrganisation(database.db, namedOrganisation);
    return work(
      createContext({ db: database.db, organisationId: org.id, actor: systemActor(label) }),
      database,
    );
  });
}

const program = new Command("pejl")
  .description("Pejl: follow-up of a municipality's equality and inclusion policies")
  .showHelpAfterError()
  .exitOverride()
  .hook("preAction", (_program, action) => {
    namedOrganisation = action.opts().organisation as string | undefined;
  });

registerOrganisationCommands(program, { withDatabase });

program
  .command("serve")
  .description("serve the portal, admin and API on PORT (default 3000)")
  .option("--no-demo", "do not load the demo corpus on first run")
  .option(
    "--workers <n>",
    'HTTP worker processes on this machine, or "auto" for one per core (PostgreSQL only; default PEJL_WORKERS or 1)',
    (text: string) => {
      try {
        return workerCount(text);
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message);
      }
    },
  )
  .action(async (opts: { demo: boolean; workers?: number }) => {
    const settings = { ...env(), ...(opts.workers ? { PEJL_WORKERS: opts.workers } : {}) };
    // Before the server's modules load: a refusal costs no wait.
    refuseWorkersOnPglite(settings);
    const { serveUntilStopped } = await import("./serve.ts");
    await serveUntilStopped(settings, createLogger(), { demo: opts.demo });
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
      const { loadDemo } = await import("./demo/loadDemo.ts");
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
  .requiredOption("--format <format>", "datapackage, or site (the public portal as static files)")
  .requiredOption("--out <dir>", "output folder (created if missing)")
  .option("--full", "include suppressed values (for backups and transfers, not for publication)")
  .option("--national", "every organisation's public data in one package, with an organisation column")
  .option("--all-organisations", "one package per organisation, each in a folder named by its slug in --out")
  .option("--force", "site: replace an earlier site export in --out")
  .action(
    async (opts: {
      format: string;
      out: string;
      full?: boolean;
      national?: boolean;
      allOrganisations?: boolean;
      force?: boolean;
    }) => {
      if (opts.format !== "datapackage" && opts.format !== "site")
        throw new AppError("validation_failed", `Unknown format "${opts.format}": use datapackage or site.`);
      if (opts.format === "site") {
        if (opts.full || opts.national || opts.allOrganisations)
          throw new AppError(
            "validation_failed",
            "--format site is the public portal of one organisation: it takes neither --full, --national nor --all-organisations.",
          );
        const { checkOutDir } = await import("./site/exportSite.ts");
        await checkOutDir(path.resolve(opts.out), opts.force ?? false);
        return withContext("cli", async (ctx, database) => {
          const { exportPortalSite } = await import("./site/portalSite.ts");
          const result = await exportPortalSite(database, ctx.organisationId, path.resolve(opts.out), {
            force: opts.force,
            suppressionThreshold: env().PEJL_SUPPRESSION_THRESHOLD,
          });
          for (const b of result.broken)
            console.error(
              `pejl: warning: ${b.path} answered ${b.status} (linked from ${b.from || "the start"}).`,
            );
          console.log(
            `Exported the portal as a static site: ${result.files.length} files, ${result.indexedPages} pages in the search index, to ${result.outDir}.`,
          );
          if (result.broken.length) process.exitCode = 1;
        });
      }
      if (opts.national && opts.allOrganisations)
        throw new AppError(
          "validation_failed",
          "--national is one package of every organisation, --all-organisations one package each: choose one.",
        );
      if (opts.national) {
        if (opts.full)
          throw new AppError(
            "validation_failed",
            "--national is every organisation's public data: it cannot be --full.",
          );
        return withDatabase(async (database) => {
          const { exportNationalPackage } = await import("./opendata/national.ts");
          const result = await exportNationalPackage(database.db, path.resolve(opts.out), {
            suppressionThreshold: env().PEJL_SUPPRESSION_THRESHOLD,
          });
          console.log(
            `Exported ${result.files.length - 1} resources of every organisation to ${result.outDir}.`,
          );
        });
      }
      if (opts.allOrganisations) {
        if (namedOrganisation)
          throw new AppError(
            "validation_failed",
            "--all-organisations exports every organisation: leave out --organisation.",
          );
        return withDatabase(async (database) => {
          const { exportEveryOrganisation } = await import("./opendata/exportPackages.ts");
          const written = await exportEveryOrganisation(
            { db: database.db, actor: systemActor("cli") },
            path.resolve(opts.out),
            { audience: opts.full ? "full" : "public" },
          );
          const rows = written.reduce((sum, p) => sum + Object.values(p.rows).reduce((a, b) => a + b, 0), 0);
          console.log(
            `Exported ${written.length} organisations (${rows} rows), one folder each, to ${path.resolve(opts.out)}.`,
          );
        });
      }
      return withContext("cli", async (ctx) => {
        const { exportDataPackage } = await import("./opendata/export.ts");
        const result = await exportDataPackage(ctx, path.resolve(opts.out), {
          audience: opts.full ? "full" : "public",
        });
        const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
        console.log(`Exported ${result.files.length} resources (${rows} rows) to ${path.resolve(opts.out)}.`);
      });
    },
  );

program
  .command("import-data <dirs...>")
  .description(
    "import data packages (as written by `pejl export --full`); into an empty database a package brings its organisation; " +
      "several packages: each into the organisation it names (created if missing), one transaction each",
  )
  .action((dirs: string[]) =>
    withDatabase(async (database) => {
      const { refreshTableStatistics } = await import("./db/statistics.ts");
      const { packageTables } = await import("./opendata/resources.ts");
      const printImported = (dir: string, { organisation, ...result }: TransferResult) => {
        if (organisation.created)
          console.log(
            `Created the organisation ${organisation.name} (slug ${organisation.slug}) from the package.`,
          );
        console.log(`Imported ${dir} into ${organisation.name} (slug ${organisation.slug}).`);
        console.log(JSON.stringify(result, null, 2));
      };
      const actor = systemActor("cli");
      const resolved = dirs.map((dir) => path.resolve(dir));
      if (resolved.length === 1) {
        const { transferImporter } = await import("./commands/organisation/transferImporter.ts");
        const result = await transferImporter(
          { db: database.db, actor },
          { dir: resolved[0], organisation: namedOrganisation },
        );
        await refreshTableStatistics(database, packageTables());
        printImported(resolved[0]!, result);
        return;
      }
      if (namedOrganisation)
        throw new AppError(
          "validation_failed",
          "--organisation names the organisation of one package; with several packages each goes into the organisation its datapackage.json names. Import them one at a time to choose.",
        );
      const { transfersImporter } = await import("./commands/organisation/transfersImporter.ts");
      let imported = 0;
      try {
        await transfersImporter(
          { db: database.db, actor },
          { dirs: resolved },
          (dir, result) => {
            imported++;
            printImported(dir, result);
          },
          database.kind === "postgres",
        );
      } finally {
        // What was committed is analysed even when a later package was refused.
        if (imported) await refreshTableStatistics(database, packageTables());
      }
    }),
  );

program
  .command("import <files...>")
  .description("import policy documents (PDF, DOCX, HTML, Markdown, text) into the review queue")
  .option("--accept-all", "accept every recognized candidate at once")
  .option(
    "--replace",
    "with --accept-all: replace an existing policy by its new version (the old one is archived)",
  )
  .action((files: string[], opts: { acceptAll?: boolean; replace?: boolean }) =>
    withContext("cli", async (ctx) => {
      const { documentImporter } = await import("./commands/documentImporter.ts");
      const { printImportSummary } = await import("./cliFormat.ts");
      let failed = 0;
      for (const file of files) {
        if (!fs.existsSync(file)) throw new AppError("not_found", `${file}: no such file.`);
        try {
          const summary = await documentImporter(ctx, {
            bytes: fs.readFileSync(file),
            filename: path.basename(file),
            acceptAll: opts.acceptAll,
            replace: opts.replace,
            storeDir: path.join(env().dataDir, "uploads"),
            limits: { maxBytes: env().PEJL_UPLOAD_LIMIT_MB * 1024 * 1024 },
          });
          printImportSummary(summary);
        } catch (error) {
          failed++;
          console.error(`pejl: ${toAppError(error).message}`);
        }
      }
      if (failed) process.exitCode = 1;
    }),
  );

program
  .command("review [action]")
  .description("list (default), accept or reject import candidates")
  .option("--document <id>", "only candidates from this document")
  .option("--entity <kind>", "only this kind: policy, theme, goal, indicator, initiative, budget_line …")
  .option("--min-confidence <n>", "only candidates at least this confident (0–1)", Number.parseFloat)
  .option("--id <ids...>", "these candidates")
  .option("--set <field=value...>", "with accept and one --id: edit fields before accepting")
  .option(
    "--parent <row-id>",
    "with accept and one --id: the initiative, policy, theme or goal to place it under",
  )
  .option(
    "--target <row-id|new>",
    "with accept and one --id: the registry row it is a new version of, or new",
  )
  .action(
    (
      action: string | undefined,
      opts: {
        document?: string;
        entity?: string;
        minConfidence?: number;
        id?: string[];
        set?: string[];
        parent?: string;
        target?: string;
      },
    ) =>
      withContext("cli", async (ctx) => {
        const { printCandidates } = await import("./cliFormat.ts");
        if (!action || action === "list") {
          const { reviewQueuePage } = await import("./queries/candidates.ts");
          const filter = {
            documentId: opts.document,
            entity: opts.entity,
            minConfidence: opts.minConfidence,
          };
          const { rows, total } = await reviewQueuePage(ctx, filter, { number: 1, size: 10_000 });
          printCandidates(rows, total);
          return;
        }
        if (action !== "accept" && action !== "reject")
          throw new AppError(
            "validation_failed",
            `Unknown review action "${action}": use list, accept or reject.`,
          );
        const { candidateReviewer } = await import("./commands/candidateReviewer.ts");
        const fields = opts.set ? Object.fromEntries(opts.set.map(parseAssignment)) : undefined;
        const result = await candidateReviewer(ctx, {
          action,
          ids: opts.id,
          documentId: opts.document,
          entity: opts.entity,
          minConfidence: opts.minConfidence,
          fields,
          parentId: opts.parent,
          target: opts.target,
        });
        console.log(
          `Accepted ${result.accepted}, rejected ${result.rejected}, skipped ${result.skipped.length}.`,
        );
        for (const s of result.skipped) console.log(`  skipped ${s.id}: ${s.reason}`);
      }),
  );

function parseAssignment(text: string): [string, unknown] {
  const at = text.indexOf("=");
  if (at < 1) throw new AppError("validation_failed", `--set takes field=value, not "${text}".`);
  const raw = text.slice(at + 1);
  let value: unknown = raw;
  if (/^-?\d+(\.\d+)?$/.test(raw)) value = Number(raw);
  else if (raw.includes(";"))
    value = raw
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean);
  return [text.slice(0, at), value];
}

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

program
  .command("report <round-id>")
  .description("the committee status report of a round")
  .requiredOption("--format <format>", "docx or html")
  .requiredOption("--out <file>", "where to write it")
  .action((roundId: string, opts: { format: string; out: string }) => {
    if (opts.format !== "docx" && opts.format !== "html")
      throw new AppError("validation_failed", `Unknown format "${opts.format}": use docx or html.`);
    const format = opts.format;
    return withContext("cli", async (ctx) => {
      const { roundReport } = await import("./reports/roundReport.ts");
      const { bytes } = await roundReport(ctx, roundId, format, env().PEJL_SUPPRESSION_THRESHOLD);
      fs.writeFileSync(path.resolve(opts.out), bytes);
      console.log(`Wrote the report to ${path.resolve(opts.out)} (${bytes.length} bytes).`);
    });
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

user
  .command("reset-password")
  .description(
    "set a new password (prints a generated one unless --password is given); ends the user's sessions",
  )
  .requiredOption("--email <email>", "the user's e-mail address")
  .option("--password <password>", "at least 12 characters (default: generated)")
  .action((opts: { email: string; password?: string }) =>
    withContext("cli", async (ctx) => {
      const { generatePassword } = await import("./auth/password.ts");
      const { passwordResetter } = await import("./commands/passwordResetter.ts");
      const password = opts.password ?? generatePassword();
      const result = await passwordResetter(ctx, { email: opts.email, password });
      console.log(`New password set for ${result.email}; ${result.sessionsEnded} session(s) ended.`);
      if (!opts.password) console.log(`Password: ${password}`);
    }),
  );

const token = program.command("token").description("manage API tokens");
token
  .command("create")
  .description("create an API token for a user; it is printed once and cannot be shown again")
  .requiredOption("--user <email>", "the user the token acts as")
  .option("--name <name>", "what the token is for", "API")
  .action((opts: { user: string; name: string }) =>
    withContext("cli", async (ctx) => {
      const { apiTokenCreator } = await import("./commands/apiTokenCreator.ts");
      const { token } = await apiTokenCreator(ctx, { email: opts.user, name: opts.name });
      console.log(`API token "${opts.name}" for ${opts.user.toLowerCase()} (shown only now):`);
      console.log(token);
    }),
  );

token
  .command("list")
  .description("list API tokens (never the tokens themselves)")
  .option("--user <email>", "only this user's tokens")
  .action((opts: { user?: string }) =>
    withContext("cli", async (ctx) => {
      const { listApiTokens } = await import("./commands/apiTokenRevoker.ts");
      const rows = await listApiTokens(ctx, { email: opts.user });
      if (!rows.length) console.log("No API tokens.");
      for (const t of rows)
        console.log(
          [
            t.id,
            t.email,
            JSON.stringify(t.name),
            `created ${t.createdAt}`,
            t.lastUsedAt ? `last used ${t.lastUsedAt}` : "never used",
            t.revokedAt ? `REVOKED ${t.revokedAt}` : "active",
          ].join("  "),
        );
    }),
  );

token
  .command("revoke <token-id>")
  .description("revoke an API token (the id from `pejl token list`); it stops working at once")
  .action((id: string) =>
    withContext("cli", async (ctx) => {
      const { apiTokenRevoker } = await import("./commands/apiTokenRevoker.ts");
      const revoked = await apiTokenRevoker(ctx, { id });
      console.log(`Revoked the API token "${revoked.name}" of ${revoked.email}.`);
    }),
  );

program
  .command("outbox")
  .description("send the messages waiting in the outbox now (SMTP_URL, or files in PEJL_DATA_DIR/outbox/)")
  .action(() =>
    withContext("cli", async (ctx, database) => {
      const { deliverOutbox } = await import("./outbox/deliverer.ts");
      const { transportFor } = await import("./outbox/transports.ts");
      const transport = transportFor(env(), createLogger());
      try {
        const result = await deliverOutbox(database.db, transport, {
          logger,
          organisationId: ctx.organisationId,
          force: true,
        });
        console.log(`Sent ${result.sent} message(s) by ${transport.name}; ${result.failed} failed.`);
        if (result.failed) process.exitCode = 1;
      } finally {
        transport.close();
      }
    }),
  );

addOrganisationOption(program, [
  "export",
  "import-data",
  "import",
  "review",
  "report",
  "user add",
  "user reset-password",
  "token create",
  "token list",
  "token revoke",
  "outbox",
]);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  const appError = toAppError(error);
  const message = appError.id === "internal" && appError.cause ? errorText(appError.cause) : appError.message;
  console.error(`pejl: ${message}`);
  process.exit(1);
}
