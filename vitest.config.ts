import { defineConfig } from "vitest/config";

// Database-facing tests run on PGlite always and again on PostgreSQL when
// TEST_DATABASE_URL is set (scripts/test.mjs picks the project).
const databaseFacing = [
  "src/commands/**/*.test.ts",
  "src/queries/**/*.test.ts",
  "src/db/**/*.test.ts",
  "src/opendata/**/*.test.ts",
  "src/api/**/*.test.ts",
  "src/web/**/*.test.ts",
  "src/authz/**/*.test.ts",
  "src/auth/**/*.test.ts",
  "src/outbox/**/*.test.ts",
  "src/reports/**/*.test.ts",
  "src/ingest/import*.test.ts",
  "src/*.test.ts",
  "src/demo/**/*.test.ts",
  "test/**/*.test.ts",
];

// What only one database has: several server processes and connections sharing a snapshot
// (PostgreSQL), and the embedded database's own crash and lock behaviour (PGlite).
const postgresOnly = [
  "src/cluster.test.ts",
  "src/workers.test.ts",
  "src/db/sharedSnapshot.test.ts",
  "src/db/pool.test.ts",
];
const pgliteOnly = [
  "src/db/durability.test.ts",
  "src/db/sharedSnapshotPglite.test.ts",
  "src/db/pgliteCopyOut.test.ts",
  "src/db/pgliteOpen.test.ts",
  "src/serve.test.ts",
];

export default defineConfig({
  test: {
    globalSetup: ["test/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Workers share one database each (loading it costs seconds); tests isolate by organisation.
    isolate: false,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["src/**/*.test.ts", "test/**/*.test.ts"], exclude: postgresOnly },
      },
      {
        extends: true,
        test: { name: "postgres", include: [...databaseFacing, ...postgresOnly], exclude: pgliteOnly },
      },
      { extends: true, test: { name: "browser", include: ["e2e/**/*.test.ts"], fileParallelism: false } },
    ],
  },
});
