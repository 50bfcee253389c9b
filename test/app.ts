// An app over a test organisation, for route tests (no network: app.request()).
import { buildApp } from "../src/app.ts";
import { createLogger } from "../src/logger.ts";
import { testDatabase } from "./db.ts";
import type { TestOrganisation } from "./factories.ts";

export async function buildTestApp(org: TestOrganisation) {
  const database = await testDatabase();
  return buildApp({
    database,
    organisation: { id: org.organisationId, name: "Testkommune" },
    logger: createLogger("silent"),
  });
}
