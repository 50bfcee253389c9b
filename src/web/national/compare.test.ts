// The national comparison and data package, on a database of its own holding two
// invented municipalities with the same codes and indicator titles: the
// indicators they share are compared side by side (chart and table, a count
// under the threshold suppressed), a write in one shows at once without reading
// the other again, and the national package stacks both, which Frictionless's
// own library reads without an error.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFreshDatabase } from "../../../test/db.ts";
import {
  buildGoal,
  buildIndicator,
  buildOrganisation,
  buildPolicy,
  buildRegistry,
  type TestOrganisation,
  withoutReferenceChecks,
} from "../../../test/factories.ts";
import { frictionlessProblems } from "../../../test/frictionless.ts";
import { statementsOf } from "../../../test/statements.ts";
import { buildApp } from "../../app.ts";
import { createContext, publicActor } from "../../context.ts";
import { indicators, observations, organisations } from "../../db/schema.ts";
import { indicatorKey } from "../../domain/indicatorKey.ts";
import { createLogger } from "../../logger.ts";
import { buildDataPackage } from "../../opendata/export.ts";
import { exportNationalPackage } from "../../opendata/national.ts";
import { resources } from "../../opendata/resources.ts";
import { bumpGeneration } from "../../queries/generation.ts";

let fresh: Awaited<ReturnType<typeof openFreshDatabase>>;
let app: ReturnType<typeof buildApp>;
let slugs: { vest: string; oest: string };
let orgs: { vest: TestOrganisation; oest: TestOrganisation };
let addShared: (org: TestOrganisation, title: string) => Promise<void>;
const KEY = indicatorKey("Andel af nyankomne i job efter tre år", "%");

beforeAll(async () => {
  fresh = await openFreshDatabase();
  const vest = await buildOrganisation(fresh.db);
  const oest = await buildOrganisation(fresh.db);
  await fresh.db
    .update(organisations)
    .set({ name: "Vesterå Kommune" })
    .where(eq(organisations.id, vest.organisationId));
  await fresh.db
    .update(organisations)
    .set({ name: "Østerå Kommune" })
    .where(eq(organisations.id, oest.organisationId));
  await buildRegistry(vest);
  await buildRegistry(oest);
  const shared = async (
    org: typeof vest,
    title: string,
    unit: string,
    baseline: number,
    target: number,
    latest: { value: number; n: number | null },
  ) => {
    const policy = await buildPolicy(org);
    const goal = await buildGoal(org, policy.id);
    const indicator = await buildIndicator(org, goal.id, {
      title,
      unit,
      baselineValue: baseline,
      baselinePeriod: "2020",
      targetValue: target,
      targetPeriod: "2026",
    });
    await org.db.insert(observations).values({
      organisationId: org.organisationId,
      indicatorId: indicator.id,
      period: "2024",
      year: 2024,
      value: latest.value,
      n: latest.n,
    });
  };
  orgs = { vest, oest };
  addShared = (org, title) => shared(org, title, "%", 20, 30, { value: 25, n: 400 });
  await shared(vest, "Andel af nyankomne i job efter tre år", "%", 41, 55, { value: 47.5, n: 800 });
  await shared(oest, "Andel af nyankomne i job efter tre år.", "%", 38, 50, { value: 93.75, n: 3 });
  slugs = {
    vest: (await fresh.db.select().from(organisations).where(eq(organisations.id, vest.organisationId)))[0]!
      .slug,
    oest: "",
  };
  slugs.oest = (
    await fresh.db.select().from(organisations).where(eq(organisations.id, oest.organisationId))
  )[0]!.slug;
  app = buildApp({ database: fresh.database, logger: createLogger("silent") });
}, 180_000);

afterAll(async () => {
  await fresh?.close();
});

describe("comparison across municipalities", () => {
  it("lists the indicators both measure, and leaves out what only one does", async () => {
    const res = await app.request("/sammenlign");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/sammenlign/${KEY}"`);
    expect(html).toContain("Andel i beskæftigelse");
    const home = await (await app.request("/")).text();
    expect(home).toContain('href="/sammenlign"');
  });

  it("shows each municipality's latest value, baseline and target in a chart and a table, a small count as <5", async () => {
    const res = await app.request(`/sammenlign/${KEY}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Andel af nyankomne i job efter tre år (%)</h1>");
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain(`href="/k/${slugs.vest}/indikatorer/`);
    const table = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
    expect(table).toContain("Vesterå Kommune");
    expect(table).toContain("Østerå Kommune");
    expect(table).toMatch(/47,5\s*%/);
    expect(table).toMatch(/41\s*% \(2020\)/);
    expect(table).toMatch(/55\s*% \(2026\)/);
    expect(table).toMatch(/38\s*% \(2020\)/);
    expect(table).toContain("&lt;5");
    // The suppressed value appears nowhere: not in the table, the chart or its text.
    expect(html).not.toMatch(/93,75|93,8/);
  });

  it("keeps the national pages in the render cache: a repeated request with their ETag gets 304", async () => {
    for (const path of ["/", "/kommuner", "/sammenlign", `/sammenlign/${KEY}`]) {
      // A HEAD request first: its empty answer must not be kept as the page.
      await app.request(path, { method: "HEAD" });
      const first = await app.request(path);
      expect(first.status, path).toBe(200);
      expect(await first.clone().text(), path).toMatch(/^<!DOCTYPE html>/);
      const etag = first.headers.get("etag");
      expect(etag, path).toMatch(/^"/);
      expect((await app.request(path, { headers: { "If-None-Match": etag! } })).status, path).toBe(304);
    }
  });

  it("answers 404 for a key nobody shares, a malformed one, and under a municipality's prefix", async () => {
    expect((await app.request(`/sammenlign/${indicatorKey("Noget helt andet", "%")}`)).status).toBe(404);
    expect((await app.request("/sammenlign/..%2Fetc")).status).toBe(404);
    expect((await app.request(`/k/${slugs.vest}/sammenlign`)).status).toBe(404);
  });

  it("shows an indicator both municipalities start to measure as soon as the write is committed", async () => {
    const title = "Andel i uddannelse efter to år";
    const key = indicatorKey(title, "%");
    expect(await (await app.request("/sammenlign")).text()).not.toContain(key);
    await addShared(orgs.vest, title);
    await addShared(orgs.oest, title);
    // What every command does when its transaction commits (context.ts): each write tells its own organisation.
    bumpGeneration(orgs.vest.organisationId);
    bumpGeneration(orgs.oest.organisationId);
    expect(await (await app.request("/sammenlign")).text()).toContain(`href="/sammenlign/${key}"`);
    expect((await app.request(`/sammenlign/${key}`)).status).toBe(200);
  });
});

describe("the national pages after a write", () => {
  const page = async (path: string) => (await app.request(path)).text();
  const addObservation = async (org: TestOrganisation, year: number, value: number) => {
    const [indicator] = await org.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(
        and(
          eq(indicators.organisationId, org.organisationId),
          eq(indicators.title, "Andel af nyankomne i job efter tre år"),
        ),
      );
    await org.db.insert(observations).values({
      organisationId: org.organisationId,
      indicatorId: indicator!.id,
      period: String(year),
      year,
      value,
      n: 900,
    });
  };
  const rename = (org: TestOrganisation, name: string) =>
    fresh.db.update(organisations).set({ name }).where(eq(organisations.id, org.organisationId));

  it("show one municipality's new figure and new name at once", async () => {
    expect(await page(`/sammenlign/${KEY}`)).not.toMatch(/52,5\s*%/);
    await addObservation(orgs.vest, 2025, 52.5);
    // What every command does when its transaction commits (context.ts).
    bumpGeneration(orgs.vest.organisationId);
    expect(await page(`/sammenlign/${KEY}`)).toMatch(/52,5\s*%/);

    await rename(orgs.vest, "Vesterå Storkommune");
    bumpGeneration(orgs.vest.organisationId);
    try {
      expect(await page("/kommuner")).toContain("Vesterå Storkommune");
      expect(await page(`/sammenlign/${KEY}`)).toContain("Vesterå Storkommune");
    } finally {
      await rename(orgs.vest, "Vesterå Kommune");
      bumpGeneration(orgs.vest.organisationId);
    }
  });

  it("read every changed municipality's figures in the same statements, however many changed", async () => {
    const afterWrites = async (...written: TestOrganisation[]) => {
      for (const org of written) bumpGeneration(org.organisationId);
      return statementsOf(fresh.database, () => page(`/sammenlign/${KEY}`));
    };
    await page(`/sammenlign/${KEY}`);
    const both = await afterWrites(orgs.vest, orgs.oest);
    expect(await afterWrites(orgs.oest)).toBe(both);
  });

  it("read anew only the municipality that wrote: another's kept part stays", async () => {
    const before = { compare: await page(`/sammenlign/${KEY}`), overview: await page("/kommuner") };
    // Vesterå's rows change without its generation moving (as if its write had not been told
    // yet): what its part would show if it were read again.
    await addObservation(orgs.vest, 2026, 61.5);
    await buildPolicy(orgs.vest);
    // A write in Østerå reads Østerå again, and only Østerå.
    bumpGeneration(orgs.oest.organisationId);
    expect(await page(`/sammenlign/${KEY}`)).toBe(before.compare);
    expect(await page("/kommuner")).toBe(before.overview);
    // Vesterå's own write shows at once.
    bumpGeneration(orgs.vest.organisationId);
    expect(await page(`/sammenlign/${KEY}`)).toMatch(/61,5\s*%/);
    expect(await page("/kommuner")).not.toBe(before.overview);
  });
});

describe("the national data package", () => {
  it("stacks both municipalities with an organisation column and reads cleanly with Frictionless", async () => {
    const res = await app.request("/sammenlign/pejl-national-datapakke.zip");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const text = (name: string) => strFromU8(files[name]!);
    expect(text("organisations.csv")).toContain(`${slugs.vest},Vesterå Kommune`);
    const indicators = text("indicators.csv").trim().split("\n");
    expect(indicators[0]!.startsWith("organisation,id,")).toBe(true);
    expect(indicators.filter((l) => l.startsWith(`${slugs.vest},`)).length).toBeGreaterThan(1);
    expect(indicators.filter((l) => l.startsWith(`${slugs.oest},`)).length).toBeGreaterThan(1);
    expect(text("observations.csv")).not.toContain("93.75");
    const descriptor = JSON.parse(text("datapackage.json"));
    const policySchema = descriptor.resources.find((r: { name: string }) => r.name === "policies").schema;
    expect(policySchema.fields[0].name).toBe("organisation");

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-national-"));
    try {
      await exportNationalPackage(fresh.db, dir);
      expect(await frictionlessProblems(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  const packageFiles = async () => {
    const res = await app.request("/sammenlign/pejl-national-datapakke.zip");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    return (name: string) => strFromU8(files[name]!);
  };

  it("holds each municipality's public package row for row, and nothing its portal withholds", async () => {
    const text = await packageFiles();
    let withheld = 0;
    for (const org of [orgs.vest, orgs.oest]) {
      const slug = org === orgs.vest ? slugs.vest : slugs.oest;
      const ctx = createContext({ db: fresh.db, organisationId: org.organisationId, actor: publicActor });
      // The portal's own package, read row by row (export.ts), and everything the registry holds.
      const own = (await buildDataPackage(ctx)).files;
      const full = (await buildDataPackage(ctx, { audience: "full" })).files;
      for (const def of resources) {
        const file = `${def.name}.csv`;
        const records = (csv: string) =>
          (parse(csv, { from_line: 2 }) as string[][]).map((r) => r.join("\u0000"));
        const national = (parse(text(file), { from_line: 2 }) as string[][])
          .filter((record) => record[0] === slug)
          .map((record) => record.slice(1).join("\u0000"));
        expect(national, file).toEqual(records(own.get(file)!));
        withheld += records(full.get(file)!).filter((r) => !national.includes(r)).length;
      }
    }
    // The registries hold what a portal withholds (a count under the threshold at least).
    expect(withheld).toBeGreaterThan(0);
  }, 120_000);

  it("after one municipality's write reads that municipality's part alone, and keeps the others'", async () => {
    await packageFiles();
    // Østerå's rows change without its generation moving (as if its write had not been told
    // yet): what its part would show if it were read again.
    const unannounced = "Andel med foreningsliv blandt ældre";
    await addShared(orgs.oest, unannounced);
    const written = "Andel med lektiehjælp blandt unge";
    await addShared(orgs.vest, written);
    bumpGeneration(orgs.vest.organisationId);
    const after = (await packageFiles())("indicators.csv");
    expect(after).toContain(written);
    expect(after).not.toContain(unannounced);
    // Østerå's own write shows at once.
    bumpGeneration(orgs.oest.organisationId);
    expect((await packageFiles())("indicators.csv")).toContain(unannounced);
  }, 120_000);

  it("holds no rows of a deleted municipality", async () => {
    const gone = await buildOrganisation(fresh.db);
    const title = "Andel med kørekort blandt unge";
    await addShared(gone, title);
    // What a command does when its transaction commits (context.ts).
    bumpGeneration(gone.organisationId);
    const [row] = await fresh.db
      .select({ slug: organisations.slug })
      .from(organisations)
      .where(eq(organisations.id, gone.organisationId));
    const slug = row!.slug;
    const listed = await packageFiles();
    expect(listed("indicators.csv")).toContain(`\n${slug},`);
    expect(listed("indicators.csv")).toContain(title);
    // No command deletes an organisation: its row goes, its records stay behind unlisted.
    await withoutReferenceChecks(fresh.db, (db) =>
      db.delete(organisations).where(eq(organisations.id, gone.organisationId)),
    );
    bumpGeneration(gone.organisationId);
    const deleted = await packageFiles();
    for (const file of ["organisations.csv", "indicators.csv", "observations.csv"])
      expect(deleted(file), file).not.toContain(`${slug},`);
    expect(deleted("indicators.csv")).not.toContain(title);
  }, 120_000);

  it("serves the next download whole after a client went away in the middle of one", async () => {
    const res = await app.request("/sammenlign/pejl-national-datapakke.zip");
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    const text = await packageFiles();
    expect(text("indicators.csv").startsWith("organisation,id,")).toBe(true);
  }, 120_000);

  it("holds a write as soon as it is committed, also for requests at the same time", async () => {
    const indicatorsCsv = async () => {
      const res = await app.request("/sammenlign/pejl-national-datapakke.zip");
      return strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))["indicators.csv"]!);
    };
    const title = "Andel med fritidsjob blandt unge";
    expect(await indicatorsCsv()).not.toContain(title);
    await addShared(orgs.vest, title);
    // What every command does when its transaction commits (context.ts).
    bumpGeneration(orgs.vest.organisationId);
    const [first, second] = await Promise.all([indicatorsCsv(), indicatorsCsv()]);
    expect(first).toContain(`${slugs.vest},`);
    expect(first).toContain(title);
    expect(second).toBe(first);
  }, 120_000);
});
