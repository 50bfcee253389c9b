// The OpenAPI document passes Redocly CLI's recommended rules (security defined on
// every operation, unique operation ids, valid examples…). The linter runs offline:
// no telemetry, no update check, the document from a local file.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { buildOrganisation } from "../../test/factories.ts";

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");
const config = path.resolve(import.meta.dirname, "../../redocly.yaml");

describe("the OpenAPI document under Redocly's recommended lint", () => {
  it("has no errors and no warnings", async () => {
    const app = await buildTestApp(await buildOrganisation());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-openapi-"));
    try {
      const file = path.join(dir, "openapi.json");
      fs.writeFileSync(file, await (await app.request("/api/openapi.json")).text());
      const result = spawnSync(
        process.execPath,
        [cli, "lint", file, "--config", config, "--format", "stylish"],
        {
          encoding: "utf8",
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: "off",
            REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
            CI: "true",
          },
          timeout: 60_000,
        },
      );
      const output = `${result.stdout}\n${result.stderr}`;
      expect(output, output).toMatch(/valid/i);
      expect(result.status, output).toBe(0);
      // With problems Redocly ends "… with N errors" or "with N warnings".
      expect(output, output).not.toMatch(/with \d+ (errors?|warnings?)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
