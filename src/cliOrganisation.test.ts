// A municipality of one's own from the terminal, as the README tells it: from an empty
// data directory, `organisation create`, `user add --role admin` and `serve --no-demo`
// give a portal with the new name. The real `pejl` process, on PGlite or (in the
// PostgreSQL run) on a new PostgreSQL database.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliInstallation, cliInstallation } from "../test/cli.ts";

let cli: CliInstallation;
let dataDir: string;

beforeAll(async () => {
  cli = await cliInstallation("pejl-cli-");
  dataDir = cli.dataDir;
});

afterAll(async () => {
  await cli?.close();
});

const start = (args: string[], extra?: NodeJS.ProcessEnv) => cli.start(args, extra);
const pejl = (args: string[], extra?: NodeJS.ProcessEnv) => cli.run(args, extra);

/** Starts `serve --no-demo` on a free port; resolves with the port and what it logged so far. */
function serveNoDemo(): { server: ChildProcess; ready: Promise<{ port: number; log: () => string }> } {
  const server = start(["serve", "--no-demo"], { PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" });
  let out = "";
  const ready = new Promise<{ port: number; log: () => string }>((resolve, reject) => {
    server.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /Pejl is ready on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), log: () => out });
    });
    server.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { server, ready };
}

async function stop(server: ChildProcess) {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

const vesteraa = {
  slug: "vesteraa",
  name: "Vesterå Kommune",
  administrations: [
    { code: "BSF", name: "Børne- og Skoleforvaltningen" },
    { code: "SSF", name: "Social- og Sundhedsforvaltningen" },
  ],
  committees: [{ code: "SSU", name: "Social- og Sundhedsudvalget" }],
};

describe("pejl organisation, from an empty data directory", () => {
  it("sends a command in an empty database to commands that work there", { timeout: 120_000 }, async () => {
    const list = await pejl(["organisation", "list"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("pejl organisation create --name NAME");
    const user = await pejl(["user", "add", "--role", "admin", "--name", "A", "--email", "a@vesteraa.dk"]);
    expect(user.code).toBe(1);
    expect(user.stderr).toMatch(/no organisation yet.*pejl organisation create.*pejl import-data DIR/);
  });

  it("serve --no-demo on the empty database starts with the set-up form and prints a set-up code", {
    timeout: 120_000,
  }, async () => {
    const { server, ready } = serveNoDemo();
    try {
      const { port, log } = await ready;
      const home = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" });
      expect(home.status).toBe(303);
      expect(home.headers.get("location")).toBe("/opsaetning");
      expect(await (await fetch(`http://127.0.0.1:${port}/opsaetning`)).text()).toContain(
        "Sæt Pejl op til din kommune",
      );
      await expect.poll(log).toMatch(/set-up code [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);
    } finally {
      await stop(server);
    }
    // Nothing was set up: the next tests start from the same empty database.
    expect((await pejl(["organisation", "list"])).stdout).toContain("no organisation yet");
  });

  it("refuses a file with a code listed twice and creates nothing", { timeout: 120_000 }, async () => {
    const twice = writeJson("twice.json", {
      ...vesteraa,
      administrations: [...vesteraa.administrations, { code: "bsf", name: "Børneforvaltningen" }],
    });
    const refused = await pejl(["organisation", "create", "--from", twice]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("the administration code BSF is listed twice (items 1 and 3)");
    // Nothing was created: the same slug is free for the next test.
  });

  it("creates, adds the first admin and serves a portal with the new name", {
    timeout: 180_000,
  }, async () => {
    const created = await pejl(["organisation", "create", "--from", writeJson("org.json", vesteraa)]);
    expect(created.stderr).toBe("");
    expect(created.stdout).toContain("Created Vesterå Kommune (slug vesteraa) with 2 administration(s)");

    const admin = await pejl([
      "user",
      "add",
      "--role",
      "admin",
      "--name",
      "Vera Vester",
      "--email",
      "vera@vesteraa.dk",
    ]);
    expect(admin.stdout).toContain("Added Vera Vester <vera@vesteraa.dk> as admin.");
    expect(admin.stdout).toMatch(/Password: \S{12,}/);

    const { server, ready } = serveNoDemo();
    try {
      const { port } = await ready;
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toContain("Ligestilling og inklusion i Vesterå Kommune");
      expect(html).toContain("Der er endnu ikke registreret nogen politikker.");
      expect((await fetch(`http://127.0.0.1:${port}/opsaetning`)).status).toBe(404);
    } finally {
      await stop(server);
    }
  });

  it("imports a policy whose initiatives go to the municipality's own administrations", {
    timeout: 120_000,
  }, async () => {
    const policy = path.join(dataDir, "politik.md");
    fs.writeFileSync(
      policy,
      [
        "# Vesterå Kommunes Ligestillingspolitik 2025–2028",
        "",
        "Vesterå skal være en kommune, hvor alle behandles lige uanset køn, alder og handicap.",
        "",
        "## Børne- og Skoleforvaltningen",
        "",
        "- Konkret initiativ: Trivselsmålinger med kønsopdeling: Forvaltningen opgør elevernes trivsel opdelt på køn.",
        "",
        "## Social- og Sundhedsforvaltningen",
        "",
        "- Konkret initiativ: Rådgivning til ældre med handicap: Forvaltningen åbner en rådgivning.",
        "",
      ].join("\n"),
    );
    const imported = await pejl(["import", policy, "--accept-all"]);
    expect(imported.stderr).toBe("");
    const out = path.join(dataDir, "export");
    expect((await pejl(["export", "--format", "datapackage", "--out", out])).code).toBe(0);
    const rows = fs.readFileSync(path.join(out, "initiatives.csv"), "utf8");
    expect(rows).toMatch(/,BSF,,Trivselsmålinger med kønsopdeling,/);
    expect(rows).toMatch(/,SSF,,Rådgivning til ældre med handicap,/);
  });

  it("with two organisations, asks which one and takes --organisation or PEJL_ORGANISATION", {
    timeout: 120_000,
  }, async () => {
    const second = await pejl(["organisation", "create", "--name", "Østerå Kommune"]);
    expect(second.stdout).toContain("(slug oesteraa-kommune)");
    expect(second.stdout).toContain("pejl user add --organisation oesteraa-kommune --role admin");
    const unnamed = await pejl(["token", "list"]);
    expect(unnamed.code).toBe(1);
    expect(unnamed.stderr).toContain(
      "The database holds 2 organisations: vesteraa (Vesterå Kommune), oesteraa-kommune (Østerå Kommune). Name one with --organisation SLUG",
    );
    const add = ["user", "add", "--role", "admin", "--name", "Øse Øster", "--email", "oese@oesteraa.dk"];
    const named = await pejl([
      ...add,
      "--organisation",
      "oesteraa-kommune",
      "--password",
      "en lang adgangskode",
    ]);
    expect(named.stdout).toContain("Added Øse Øster <oese@oesteraa.dk> as admin.");
    const byEnv = await pejl(["token", "list"], { PEJL_ORGANISATION: "nowhere" });
    expect(byEnv.stderr).toContain('No organisation "nowhere" in the database; it holds vesteraa');
    const list = await pejl(["organisation", "list"]);
    expect(list.stdout).toMatch(
      /vesteraa {2}"Vesterå Kommune" {2}2 administrations {2}1 committees {2}1 policies {2}1 users/,
    );
    expect(list.stdout).toMatch(/oesteraa-kommune {2}"Østerå Kommune" {2}0 administrations.*1 users/);
  });
});
