import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOrganisation } from "../../test/factories.ts";
import { documentImporter } from "./documentImporter.ts";
import { ORPHAN_GRACE_MS, orphanUploadSweeper } from "./orphanUploadSweeper.ts";

const letter = () => fs.readFileSync("data/demo/003_139553ee05667919.txt");

describe("orphanUploadSweeper", () => {
  it("removes a file no document names once it is older than the grace period, and keeps the documents' files", async () => {
    const org = await buildOrganisation();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-uploads-"));
    try {
      const summary = await documentImporter(org.ctx(), {
        bytes: letter(),
        filename: "brev.txt",
        storeDir: dir,
      });
      expect(summary.status).toBe("imported");
      const [kept] = fs.readdirSync(dir);
      // Stored under a random name, never the uploader's.
      expect(kept).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      fs.writeFileSync(path.join(dir, "3f0c1e9e-5bd4-4a47-9a43-1d1d3b0c2a11"), "left by a crash");
      const now = new Date();

      // A young orphan may be an import in progress on another instance: left alone.
      expect((await orphanUploadSweeper(org.db, { dir, now })).removed).toEqual([]);
      const later = new Date(now.getTime() + ORPHAN_GRACE_MS + 1000);
      expect((await orphanUploadSweeper(org.db, { dir, now: later })).removed).toEqual([
        "3f0c1e9e-5bd4-4a47-9a43-1d1d3b0c2a11",
      ]);
      expect(fs.readdirSync(dir)).toEqual([kept]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("does nothing when the upload folder does not exist yet", async () => {
    const org = await buildOrganisation();
    const dir = path.join(os.tmpdir(), `pejl-none-${Date.now()}`);
    expect(await orphanUploadSweeper(org.db, { dir, graceMs: 0 })).toEqual({ removed: [] });
  });
});
