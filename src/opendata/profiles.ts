// The official Data Package and Table Schema profiles (vendored, see vendor/README.md),
// compiled once with ajv. They say whether datapackage.json is a valid descriptor; what
// Pejl additionally requires of it is checked in descriptor.ts.
import fs from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function loadProfile(file: string): object {
  const text = fs.readFileSync(new URL(`./vendor/${file}`, import.meta.url), "utf8");
  const profile = JSON.parse(text) as Record<string, unknown>;
  // Draft-04 profiles; they use no keyword whose meaning changed since, so ajv reads them
  // as draft-07 once the $schema line (whose meta-schema ajv 8 lacks) is gone.
  delete profile.$schema;
  return profile;
}

let compiled: { dataPackage: ValidateFunction; tableSchema: ValidateFunction } | undefined;

function validators() {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    // An editor hint in the upstream profile, not a constraint.
    ajv.addFormat("textarea", true);
    compiled = {
      dataPackage: ajv.compile(loadProfile("data-package.json")),
      tableSchema: ajv.compile(loadProfile("table-schema.json")),
    };
  }
  return compiled;
}

function describe(errors: ErrorObject[] | null | undefined, at: string): string[] {
  return (errors ?? [])
    .filter((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf")
    .map((e) => `${at}${e.instancePath || "/"} ${e.message ?? "is not valid"}`);
}

/** Problems with the descriptor as a Data Package, each naming the JSON path; empty when valid. */
export function dataPackageProblems(descriptor: unknown): string[] {
  const { dataPackage } = validators();
  if (dataPackage(descriptor)) return [];
  const problems = describe(dataPackage.errors, "");
  return problems.length ? problems : ["is not a valid Data Package descriptor"];
}

/** Problems with one resource's `schema` as a Table Schema; `at` prefixes the JSON path. */
export function tableSchemaProblems(schema: unknown, at: string): string[] {
  const { tableSchema } = validators();
  if (tableSchema(schema)) return [];
  // oneOf over field types reports every alternative; the field's own errors say more.
  const problems = describe(tableSchema.errors, at);
  return problems.length ? [...new Set(problems)] : [`${at} is not a valid Table Schema`];
}
