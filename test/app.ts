// An app over a test organisation, for route tests (no network: app.request()).
import { expect } from "vitest";
import { buildApp } from "../src/app.ts";
import type { Role } from "../src/domain/enums.ts";
import { createLogger } from "../src/logger.ts";
import { AdminClient } from "../src/web/admin/testkit.ts";
import { testDatabase } from "./db.ts";
import { buildLoginUser, type TestOrganisation } from "./factories.ts";

export async function buildTestApp(org: TestOrganisation) {
  const database = await testDatabase();
  return buildApp({
    database,
    organisation: { id: org.organisationId, name: "Testkommune" },
    logger: createLogger("silent"),
  });
}

/** A client logged in to `app`'s admin as a new user with `role` (in the administration `administrationCode`). */
export async function loggedInClient(
  org: TestOrganisation,
  app: Awaited<ReturnType<typeof buildTestApp>>,
  role: Role,
  administrationCode?: string,
): Promise<AdminClient> {
  const { email, password } = await buildLoginUser(org, role, { administrationCode });
  const client = new AdminClient(app);
  expect((await client.login(email, password)).status).toBe(303);
  return client;
}
