// The "done when": a coordinator reviews the import of the policies and
// the integration action plan through the screen in Chromium (an initiative
// rejected, an edit refused and then accepted with the user's values kept, the
// rest accepted in bulk, and a budget line the rejection left without a place
// attached to another initiative with the picker), and the open-data package that
// results equals the one the same decisions give through the `pejl` command
// line and through the review API, each on a fresh database. The review pages
// have no axe violations and can be walked with the keyboard.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { and, asc, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokenCreator } from "../src/commands/apiTokenCreator.ts";
import { candidateReviewer } from "../src/commands/candidateReviewer.ts";
import { documentImporter } from "../src/commands/documentImporter.ts";
import { type Db, openDatabase } from "../src/db/client.ts";
import { candidates } from "../src/db/schema.ts";
import { buildDataPackage } from "../src/opendata/export.ts";
import { buildTestApp } from "../test/app.ts";
import {
  administrationNames,
  buildLoginUser,
  buildOrganisation,
  committeeNames,
  type TestOrganisation,
} from "../test/factories.ts";
import { actionPlan, FIRST_AMOUNTS } from "../test/fixtures/review/actionPlan.ts";
import { axe, formatViolations, keyboardWalk } from "./a11y.ts";
import { startAdminServer } from "./adminServer.ts";
import { launchBrowser } from "./browser.ts";

const OUT = "test-results";
// Three policies and the integration action plan with its budget (see data/demo/README.md).
const CORPUS = path.resolve("data/demo/001_ee4dbdb44e1a7a93.txt");
const FILENAME = "handleplaner.txt";

/** The decisions, named by the candidates' keys (the same in every database: the import is deterministic). */
interface Decisions {
  reject: string;
  edit: { key: string; fields: { title: string; description: string } };
  orphan: string;
  /** The initiative the orphan line is attached to. */
  home: string;
}

let tmp: string;
let browser: Browser;
let server: { url: string; close(): Promise<void> };
let screenOrg: TestOrganisation;
let login: { email: string; password: string };

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-review-"));
  fs.copyFileSync(CORPUS, path.join(tmp, FILENAME));
  screenOrg = await buildOrganisation();
  login = await buildLoginUser(screenOrg, "coordinator", { name: "Mette Koordinator" });
  server = await startAdminServer(screenOrg);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The pending candidates of a database, by key. */
async function candidatesByKey(db: Db, organisationId?: string) {
  const rows = await db
    .select()
    .from(candidates)
    .where(organisationId ? eq(candidates.organisationId, organisationId) : undefined)
    .orderBy(asc(candidates.key));
  return new Map(rows.map((r) => [r.key, r]));
}

/** The registry row the candidate with `key` became. */
async function acceptedId(db: Db, key: string, organisationId?: string) {
  const [row] = await db
    .select({ id: candidates.acceptedEntityId })
    .from(candidates)
    .where(
      and(
        eq(candidates.key, key),
        organisationId ? eq(candidates.organisationId, organisationId) : undefined,
      ),
    );
  expect(row?.id).toBeTruthy();
  return row!.id!;
}

async function checkPage(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/review-${name}.png`, fullPage: true });
  const violations = await axe(page);
  expect(violations, formatViolations(violations)).toEqual([]);
  const walk = await keyboardWalk(page, 600);
  expect(walk.stops[0]?.element).toContain("skipnav");
  expect(walk.problems, walk.problems.join("\n")).toEqual([]);
  return walk;
}

/**
 * The package's tables with every generated id replaced by what its row says,
 * rows sorted. Left out: datapackage.json, which names the organisation (each
 * path has its own) and the moment of the export. Every CSV column is compared;
 * only id values differ, being random UUIDs made by each database.
 */
function comparable(files: Map<string, string>): Record<string, string[]> {
  const tables = new Map<string, Record<string, string>[]>();
  for (const [name, text] of files)
    if (name.endsWith(".csv")) tables.set(name, parse(text, { columns: true }) as Record<string, string>[]);
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  // Ids are made by each database (random UUIDs): a row's id stands for its other columns, so a
  // reference compares as what it points at. Labels are built in rounds, so parents are named first.
  const label = new Map<string, string>();
  for (let round = 0; round < 4; round++)
    for (const [name, rows] of tables)
      for (const row of rows)
        if (row.id)
          label.set(
            row.id,
            `${name}:${Object.entries(row)
              .filter(([k]) => k !== "id")
              .map(([, v]) => v.replace(uuid, (id) => label.get(id) ?? "?"))
              .join("|")}`,
          );
  const out: Record<string, string[]> = {};
  for (const [name, rows] of tables)
    out[name] = rows
      .map((row) =>
        Object.entries(row)
          .map(([k, v]) => `${k}=${v.replace(uuid, (id) => label.get(id) ?? "?")}`)
          .join("|"),
      )
      .sort();
  return out;
}

/** Runs `pejl` on the data directory; resolves with its output, failing on a non-zero exit. */
function pejl(dataDir: string, args: string[]): Promise<string> {
  const { DATABASE_URL: _none, PEJL_ORGANISATION: _also, ...rest } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    env: { ...rest, PEJL_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on("data", (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`pejl ${args.join(" ")} exited ${code}: ${err}`)),
    ),
  );
}

/** Opens the CLI's data directory between two commands (the CLI holds no lock then). */
async function withCliDatabase<T>(dataDir: string, work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: path.join(dataDir, "pejl-db") });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

describe("reviewing the corpus import", () => {
  let decisions: Decisions;
  let screenPackage: Record<string, string[]>;

  it("through the screen: a rejection, a refused edit kept and corrected, the rest in bulk, an orphan placed", {
    timeout: 300_000,
  }, async () => {
    const ctx = screenOrg.ctx();
    const { documentId } = await documentImporter(ctx, {
      bytes: fs.readFileSync(path.join(tmp, FILENAME)),
      filename: FILENAME,
    });
    const byKey = await candidatesByKey(screenOrg.db, screenOrg.organisationId);
    const all = [...byKey.values()];
    // Initiatives with budget lines: one is edited, one rejected (its lines are left without a
    // place), and one is where the reviewer attaches one of those lines.
    const linesOf = (key: string) => all.filter((c) => c.entity === "budget_line" && c.parentKey === key);
    const withLines = all.filter((c) => c.entity === "initiative" && linesOf(c.key).length >= 2);
    expect(withLines.length).toBeGreaterThanOrEqual(3);
    const [edit, reject, home] = withLines as [(typeof all)[0], (typeof all)[0], (typeof all)[0]];
    const orphan = linesOf(reject.key)[0]!;
    decisions = {
      reject: reject.key,
      orphan: orphan.key,
      home: home.key,
      edit: {
        key: edit.key,
        fields: {
          title: `${edit.fields.title} (rettet)`,
          description: "Beskrivelsen er rettet af koordinatoren.",
        },
      },
    };

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}/admin/login`);
      await page.getByLabel("E-mail").fill(login.email);
      await page.getByLabel("Adgangskode").fill(login.password);
      await page.getByRole("button", { name: "Log ind" }).click();
      await page.waitForURL(`${server.url}/admin`);

      const queue = (query: string) =>
        page.goto(`${server.url}/admin/forslag?dokument=${documentId}${query}`);
      const open = (id: string) => page.goto(`${server.url}/admin/forslag/${id}`);

      // A rejection.
      await open(reject.id);
      await page.getByRole("button", { name: "Afvis" }).click();
      await page.waitForURL(/\/admin\/forslag\?.*afvist=1/);

      // The policies, in bulk through the filter.
      await queue("&slags=policy");
      await checkPage(page, "queue");
      await page.getByRole("button", { name: /^Godkend alle/ }).click();
      await page.waitForURL(/godkendt=/);

      // An edit the registry refuses (an initiative needs a title): the Danish message, the values kept.
      await open(edit.id);
      await page.getByLabel("Titel").fill("");
      await page.getByLabel("Beskrivelse").fill(decisions.edit.fields.description);
      await page.getByRole("button", { name: "Godkend med rettelser" }).click();
      await expect.poll(() => page.locator(".form-error-message").first().textContent()).toContain("Titel");
      expect(await page.title()).toMatch(/^Fejl: /);
      expect(await page.getByLabel("Beskrivelse").inputValue()).toBe(decisions.edit.fields.description);
      await checkPage(page, "refused-edit");
      // Corrected, with the keyboard: type the title and press Enter in the field.
      await page.getByLabel("Titel").fill(decisions.edit.fields.title);
      await page.getByLabel("Titel").press("Enter");
      await page.waitForURL(/godkendt=1/);

      // Everything else, in bulk: the rejected initiative's lines have no place, are skipped and stay.
      await queue("");
      await page.getByRole("button", { name: /^Godkend alle/ }).click();
      await page.waitForURL(/godkendt=/);
      expect(await page.locator(".alert-success").textContent()).toContain("sprunget over");

      // One of them attached to another initiative with the picker.
      await open(orphan.id);
      await checkPage(page, "orphan");
      await page
        .getByLabel("Placering")
        .selectOption(await acceptedId(screenOrg.db, home.key, screenOrg.organisationId));
      await page.getByRole("button", { name: "Godkend med rettelser" }).click();
      await page.waitForURL(/godkendt=1/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    screenPackage = comparable((await buildDataPackage(ctx)).files);
    // The decisions show in the package: the edit, the rejection, the line under its new initiative.
    const initiativeRows = screenPackage["initiatives.csv"]!;
    expect(initiativeRows.some((r) => r.includes(`title=${decisions.edit.fields.title}|`))).toBe(true);
    expect(initiativeRows.some((r) => r.includes(`title=${reject.fields.title}|`))).toBe(false);
    const under = (title: unknown) =>
      screenPackage["budget_lines.csv"]!.filter((r) => r.includes(`|${title}|`)).length;
    expect(under(home.fields.title)).toBe(linesOf(home.key).length + 1);
    expect(screenPackage["budget_lines.csv"]!.length).toBeGreaterThan(10);
  });

  it("gives the same open data as the same decisions through the review API", {
    timeout: 180_000,
  }, async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const { email } = await buildLoginUser(org, "coordinator");
    const { token } = await apiTokenCreator(org.ctx(), { email, name: "review" });
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const { documentId } = await documentImporter(org.ctx(), {
      bytes: fs.readFileSync(path.join(tmp, FILENAME)),
      filename: FILENAME,
    });
    const byKey = await candidatesByKey(org.db, org.organisationId);
    const review = async (body: Record<string, unknown>) => {
      const res = await app.request("/api/v1/candidates/review", {
        method: "POST",
        headers,
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBe(200);
    };
    await review({ action: "reject", ids: [byKey.get(decisions.reject)!.id] });
    await review({ action: "accept", documentId, entity: "policy" });
    await review({
      action: "accept",
      ids: [byKey.get(decisions.edit.key)!.id],
      fields: decisions.edit.fields,
    });
    await review({ action: "accept", documentId });
    await review({
      action: "accept",
      ids: [byKey.get(decisions.orphan)!.id],
      parentId: await acceptedId(org.db, decisions.home, org.organisationId),
    });
    expect(comparable((await buildDataPackage(org.ctx())).files)).toEqual(screenPackage);
  });

  it("gives the same open data as the same decisions through `pejl review`", {
    timeout: 300_000,
  }, async () => {
    const dataDir = path.join(tmp, "cli");
    const organisation = path.join(tmp, "organisation.json");
    // The test organisation's administrations and committees, so codes resolve alike.
    fs.writeFileSync(
      organisation,
      JSON.stringify({
        slug: "cli",
        name: "CLI-kommune",
        administrations: Object.entries(administrationNames).map(([code, name]) => ({ code, name })),
        committees: Object.entries(committeeNames).map(([code, name]) => ({ code, name })),
      }),
    );
    await pejl(dataDir, ["organisation", "create", "--from", organisation]);
    await pejl(dataDir, ["import", path.join(tmp, FILENAME)]);
    const { byKey, documentId } = await withCliDatabase(dataDir, async (db) => {
      const found = await candidatesByKey(db);
      return { byKey: found, documentId: [...found.values()][0]!.documentId };
    });
    await pejl(dataDir, ["review", "reject", "--id", byKey.get(decisions.reject)!.id]);
    await pejl(dataDir, ["review", "accept", "--document", documentId, "--entity", "policy"]);
    const { title, description } = decisions.edit.fields;
    await pejl(dataDir, [
      "review",
      "accept",
      "--id",
      byKey.get(decisions.edit.key)!.id,
      "--set",
      `title=${title}`,
      `description=${description}`,
    ]);
    await pejl(dataDir, ["review", "accept", "--document", documentId]);
    const home = await withCliDatabase(dataDir, (db) => acceptedId(db, decisions.home));
    await pejl(dataDir, ["review", "accept", "--id", byKey.get(decisions.orphan)!.id, "--parent", home]);
    const out = path.join(tmp, "cli-package");
    await pejl(dataDir, ["export", "--format", "datapackage", "--out", out]);
    const files = new Map(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), "utf8")]));
    expect(comparable(files)).toEqual(screenPackage);
  });

  it("offers the row a new version updates on an accessible screen", { timeout: 120_000 }, async () => {
    // A small plan of our own, accepted, then a new version with one amount changed.
    const ctx = screenOrg.ctx();
    const first = await documentImporter(ctx, { bytes: Buffer.from(actionPlan()), filename: "plan.md" });
    await candidateReviewer(ctx, { action: "accept", documentId: first.documentId });
    const second = await documentImporter(ctx, {
      bytes: Buffer.from(actionPlan({ ...FIRST_AMOUNTS, halls: [900, 700] })),
      filename: "plan-2.md",
    });
    const [policy] = await screenOrg.db
      .select()
      .from(candidates)
      .where(and(eq(candidates.documentId, second.documentId), eq(candidates.entity, "policy")));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/admin/login`);
      await page.getByLabel("E-mail").fill(login.email);
      await page.getByLabel("Adgangskode").fill(login.password);
      await page.getByRole("button", { name: "Log ind" }).click();
      await page.waitForURL(`${server.url}/admin`);
      await page.goto(`${server.url}/admin/forslag/${policy!.id}`);
      expect(await page.getByLabel("Opdaterer").inputValue()).not.toBe("new");
      expect(await page.locator(".target-comparison").count()).toBe(1);
      const walk = await checkPage(page, "target");
      expect(walk.stops.some((s) => s.element.includes("f-opdaterer"))).toBe(true);
      await page.getByLabel("Opdaterer").selectOption("new");
      await page.getByRole("button", { name: "Vis sammenligning" }).click();
      await expect.poll(() => page.getByText("Forslaget bliver oprettet som en ny post").count()).toBe(1);
      await checkPage(page, "target-new");
    } finally {
      await context.close();
    }
  });
});
