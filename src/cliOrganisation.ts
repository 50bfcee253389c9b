// `pejl organisation create|list`: a municipality of one's own, from the terminal.
import fs from "node:fs";
import type { Command } from "commander";
import { systemActor } from "./context.ts";
import type { Database } from "./db/client.ts";
import { AppError } from "./errors.ts";

interface CliHelpers {
  withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T>;
}

/** The organisation file (shape of data/demo/organisation.json) as JSON, or a clear refusal. */
function readOrganisationFile(file: string): unknown {
  if (!fs.existsSync(file)) throw new AppError("not_found", `${file}: no such file.`);
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new AppError("validation_failed", `${file} is not valid JSON: ${(error as Error).message}.`);
  }
}

export function registerOrganisationCommands(program: Command, { withDatabase }: CliHelpers) {
  const organisation = program
    .command("organisation")
    .description("the organisations (municipalities) this installation holds");

  organisation
    .command("create")
    .description("create an organisation: --from FILE, or --name (and --slug) alone")
    .option(
      "--from <file>",
      'JSON: { "slug", "name", "administrations": [{ "code", "name" }], "committees": [...] }',
    )
    .option("--name <name>", 'the municipality\'s name, e.g. "Vesterå Kommune"')
    .option("--slug <slug>", "short name for addresses and data packages (default: made from the name)")
    .action((opts: { from?: string; name?: string; slug?: string }) => {
      if (opts.from && (opts.name || opts.slug))
        throw new AppError("validation_failed", "Give either --from FILE or --name (and --slug), not both.");
      if (!opts.from && !opts.name)
        throw new AppError("validation_failed", "Give --from FILE, or --name NAME (and --slug SLUG).");
      const input = opts.from ? readOrganisationFile(opts.from) : { name: opts.name, slug: opts.slug };
      return withDatabase(async (database) => {
        const { organisationCreator } = await import("./commands/organisation/organisationCreator.ts");
        const { allOrganisations } = await import("./organisation.ts");
        const created = await organisationCreator({ db: database.db, actor: systemActor("cli") }, input);
        console.log(
          `Created ${created.name} (slug ${created.slug}) with ${created.administrations} administration(s) and ${created.committees} committee(s).`,
        );
        const several = (await allOrganisations(database.db)).length > 1;
        const named = several ? ` --organisation ${created.slug}` : "";
        console.log(`Next: pejl user add${named} --role admin --name NAME --email EMAIL`);
      });
    });

  organisation
    .command("list")
    .description("list the organisations: slug, name and what each holds")
    .action(() =>
      withDatabase(async (database) => {
        const { organisationListing } = await import("./queries/organisations.ts");
        const { NO_ORGANISATION } = await import("./organisation.ts");
        const rows = await organisationListing(database.db);
        if (!rows.length) console.log(NO_ORGANISATION);
        for (const o of rows)
          console.log(
            [
              o.slug,
              JSON.stringify(o.name),
              `${o.administrations} administrations`,
              `${o.committees} committees`,
              `${o.policies} policies`,
              `${o.users} users`,
            ].join("  "),
          );
      }),
    );
}
