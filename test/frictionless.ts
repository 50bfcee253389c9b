// Reads a data package the way other tools do, with Frictionless's own JavaScript
// library: the descriptor against its profiles, then every resource with its values
// cast to their Table Schema types and its foreign keys resolved.
import path from "node:path";
import { Package } from "datapackage";

type ReadError = Error & { errors?: Error[] };

/** Every problem the library finds, as "resource: message"; none means the package reads cleanly. */
export async function frictionlessProblems(dir: string): Promise<string[]> {
  const pkg = await Package.load(path.join(dir, "datapackage.json"), { basePath: dir });
  const problems = pkg.errors.map((e) => `datapackage.json: ${e.message}`);
  for (const resource of pkg.resources) {
    try {
      // forceCast: a bad row comes back as an Error instead of stopping the read.
      const rows = await resource.read({ cast: true, relations: true, forceCast: true });
      for (const row of rows) {
        if (!(row instanceof Error)) continue;
        const inner = (row as ReadError).errors?.map((e) => e.message) ?? [];
        problems.push(`${resource.name}: ${[row.message, ...inner].join(" ")}`);
      }
    } catch (error) {
      problems.push(`${resource.name}: ${(error as Error).message}`);
    }
  }
  return problems;
}
