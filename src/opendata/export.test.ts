import fs from "node:fs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildOrganisation, buildRegistry } from "../../test/factories.ts";
import {
  csvRecords,
  exportToTemp,
  FIXED_CREATED,
  readPackageDir,
} from "../../test/fixtures/datapackage/helpers.ts";
import { observations } from "../db/schema.ts";
import { resourceCsv } from "./export.ts";
import { dataPackageZip } from "./packageZip.ts";
import { dataPackageProblems, tableSchemaProblems } from "./profiles.ts";

type Field = { name: string; type: string; format?: string; constraints?: Record<string, unknown> };
type Resource = {
  name: string;
  path: string;
  schema: { fields: Field[]; primaryKey: string; foreignKeys?: ForeignKey[] };
};
type ForeignKey = { fields: string; reference: { resource: string; fields: string } };

/**
 * An independent reading of the Table Schema rules for the types we use (it does not call
 * the importer's checks): the exported text must be the canonical form of its type.
 */
function typeProblem(field: Field, cell: string): string | null {
  const c = field.constraints ?? {};
  if (cell === "") return c.required ? "required" : null;
  const isType: Record<string, (s: string) => boolean> = {
    string: (s) => field.format !== "uuid" || /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(s),
    integer: (s) => /^-?(0|[1-9]\d*)$/.test(s) && Number.isSafeInteger(Number(s)),
    // Canonical: "." as decimal mark, no exponent, no trailing zeros, no "-0".
    number: (s) => /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/.test(s) && s !== "-0",
    date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    // The default format: whole seconds, UTC.
    datetime: (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(s) && !Number.isNaN(Date.parse(s)),
    boolean: (s) => s === "true" || s === "false",
    array: (s) => Array.isArray(JSON.parse(s)),
    object: (s) => {
      const v = JSON.parse(s);
      return typeof v === "object" && v !== null && !Array.isArray(v);
    },
  };
  if (!isType[field.type]!(cell)) return `not a canonical ${field.type}`;
  if (Array.isArray(c.enum) && !c.enum.includes(cell)) return "not in enum";
  if (typeof c.pattern === "string" && !new RegExp(c.pattern).test(cell)) return "does not match pattern";
  if (typeof c.minimum === "number" && Number(cell) < c.minimum) return "below minimum";
  return null;
}

async function fullPackage() {
  const org = await buildOrganisation();
  const registry = await buildRegistry(org);
  const dir = await exportToTemp(org.ctx(), { audience: "full" });
  return { org, registry, dir, files: readPackageDir(dir) };
}

describe("open-data export", () => {
  it("writes a descriptor that is valid against the vendored Data Package and Table Schema profiles", async () => {
    const { files } = await fullPackage();
    const descriptor = JSON.parse(files.get("datapackage.json")!);
    expect(dataPackageProblems(descriptor)).toEqual([]);
    expect(descriptor).toMatchObject({
      profile: "tabular-data-package",
      created: FIXED_CREATED,
      licenses: [{ name: "CC-BY-4.0" }],
      audience: "full",
    });
    expect(descriptor.title).toMatch(/^Ligestilling og inklusion i Testkommune/);
    for (const [i, r] of (descriptor.resources as Record<string, unknown>[]).entries()) {
      expect(r).toMatchObject({ profile: "tabular-data-resource", encoding: "utf-8", mediatype: "text/csv" });
      expect(tableSchemaProblems(r.schema, `/resources/${i}/schema`)).toEqual([]);
    }
  });

  it("writes every value in the canonical form of its declared type, with unique ids and resolvable foreign keys", async () => {
    const { files, dir } = await fullPackage();
    const descriptor = JSON.parse(files.get("datapackage.json")!) as { resources: Resource[] };
    const values = new Map<string, Set<string>>();
    const tables = new Map<string, { header: string[]; rows: string[][] }>();
    for (const r of descriptor.resources) {
      const text = files.get(r.path)!;
      expect(new TextDecoder("utf-8", { fatal: true }).decode(fs.readFileSync(`${dir}/${r.path}`))).toBe(
        text,
      );
      const [header, ...rows] = csvRecords(text);
      expect(header, r.name).toEqual(r.schema.fields.map((f) => f.name));
      for (const [n, row] of rows.entries()) {
        for (const [j, f] of r.schema.fields.entries()) {
          expect(typeProblem(f, row[j]!), `${r.path} row ${n + 1} ${f.name}=${row[j]}`).toBeNull();
        }
      }
      const ids = rows.map((row) => row[header!.indexOf(r.schema.primaryKey)]!);
      expect(new Set(ids).size, `${r.name} ids`).toBe(ids.length);
      tables.set(r.name, { header: header!, rows });
      for (const [j, f] of r.schema.fields.entries())
        values.set(`${r.name}.${f.name}`, new Set(rows.map((x) => x[j]!)));
    }
    for (const r of descriptor.resources) {
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = values.get(`${fk.reference.resource || r.name}.${fk.reference.fields}`)!;
        for (const value of values.get(`${r.name}.${fk.fields}`)!) {
          if (value !== "") expect(target.has(value), `${r.name}.${fk.fields} → ${value}`).toBe(true);
        }
      }
    }
    // Rows sorted by id, so exports are byte-identical.
    const ids = tables.get("observations")!.rows.map((row) => row[0]!);
    expect(ids).toEqual([...ids].sort());
  });

  it("writes the same bytes twice, and amounts as whole kroner, numbers without trailing zeros", async () => {
    const { org, files } = await fullPackage();
    expect(readPackageDir(await exportToTemp(org.ctx(), { audience: "full" }))).toEqual(files);
    const budget = files.get("budget_lines.csv")!;
    expect(budget).toContain(",2024,2500000,1.25,within_frame,");
    expect(budget).toContain(",,9000000000,,funded,Hele perioden");
    expect(files.get("observations.csv")).toContain(",2019,62.25,,1180,Foreløbigt tal,");
    expect(files.get("goals.csv")).toMatch(/,BIU;ØU,/);
    expect(files.get("initiatives.csv")).toContain("LGBTI+-personer;pårørende");
  });

  it("suppresses observations with n below 5 in the public package: no value, no n, footnote <5", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    const files = readPackageDir(await exportToTemp(org.ctx()));
    const descriptor = JSON.parse(files.get("datapackage.json")!);
    expect(descriptor.audience).toBe("public");
    expect(dataPackageProblems(descriptor)).toEqual([]);
    const [header, ...rows] = csvRecords(files.get("observations.csv")!);
    const col = (name: string) => header!.indexOf(name);
    const small = rows.find((r) => r[0] === registry.suppressed.id)!;
    expect([small[col("value")], small[col("n")], small[col("footnote")]]).toEqual([
      "",
      "",
      "<5; Lille gruppe",
    ]);
    const zero = rows.find((r) => r[col("period")] === "2019-2022")!;
    expect([zero[col("value")], zero[col("n")], zero[col("footnote")]]).toEqual(["", "", "<5"]);
    // A value without n is an aggregate published without a count: shown.
    expect(rows.find((r) => r[col("period")] === "2020Q3")![col("value")]).toBe("63.1");
    expect(files.get("observations.csv")).not.toMatch(/,3,3,/);
    // Its provenance (which could quote the number) is withheld too.
    expect(files.get("provenance.csv")).not.toContain(registry.suppressed.id);
    expect(files.get("provenance.csv")).toContain(registry.policy.id);
  });

  it("leaves out of the public package what is not public", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    const files = readPackageDir(await exportToTemp(org.ctx()));
    const responses = files.get("hearing_responses.csv")!;
    expect(responses).not.toContain("Ikke offentliggjort endnu");
    expect(responses).not.toContain("Anna Borger");
    expect(responses).toContain("Jeg savner fokus på ældre.");
    expect(files.get("inquiries.csv")).not.toContain("Udkast til svar");
    expect(files.get("inquiries.csv")).toContain("Se bilag.");
    expect(files.get("documents.csv")).not.toContain("Pejlemærke 1");
    expect(files.get("documents.csv")).not.toContain("uploads/ab/cdef");
    expect(csvRecords(files.get("hearing_responses.csv")!)).toHaveLength(
      1 + registry.hearingResponses.length - 1,
    );
  });

  it("gives one resource as CSV and the whole package as a reproducible zip", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    const files = readPackageDir(await exportToTemp(org.ctx()));
    expect(await resourceCsv(org.ctx(), "observations")).toBe(files.get("observations.csv"));
    expect(await resourceCsv(org.ctx(), "provenance")).toBe(files.get("provenance.csv"));
    expect(await resourceCsv(org.ctx(), "provenance", { audience: "full" })).toContain(
      registry.suppressed.id,
    );
    await expect(resourceCsv(org.ctx(), "users")).rejects.toMatchObject({ id: "not_found" });
    const zip = await dataPackageZip(org.ctx(), { created: FIXED_CREATED });
    expect(await dataPackageZip(org.ctx(), { created: FIXED_CREATED })).toEqual(zip);
    const entries = unzipSync(zip);
    // The package's files, in its order (the descriptor first, as its resources list them), and
    // each as the export writes it to disk.
    const descriptor = JSON.parse(files.get("datapackage.json")!) as { resources: { path: string }[] };
    expect(Object.keys(entries)).toEqual(["datapackage.json", ...descriptor.resources.map((r) => r.path)]);
    for (const [name, text] of files) expect(new TextDecoder().decode(entries[name]), name).toBe(text);
  });

  it("zips a package of many records, in a resource larger than the compressed pieces", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    // Some 300 kB of observations: several of the compressed pieces the zip is written from.
    const rows = Array.from({ length: 4_000 }, (_, i) => ({
      organisationId: org.organisationId,
      indicatorId: registry.indicators[0]!.id,
      period: "1999",
      year: 1999,
      disaggregation: `gruppe=${i}`,
      value: i * 7 + 0.25,
      n: 100 + i,
      footnote: `række ${i} med æøå og "citat", komma`,
    }));
    await org.ctx().db.insert(observations).values(rows);
    const files = readPackageDir(await exportToTemp(org.ctx()));
    expect(files.get("observations.csv")!.length).toBeGreaterThan(200_000);
    const entries = unzipSync(await dataPackageZip(org.ctx(), { created: FIXED_CREATED }));
    for (const [name, text] of files) expect(new TextDecoder().decode(entries[name]), name).toBe(text);
  });
});
