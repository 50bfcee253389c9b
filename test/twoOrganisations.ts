// Two organisations in one database that overlap wherever they can: the same
// administration and committee codes, the same policy slug and titles, the same
// initiative titles and the same users' e-mails. Each also carries a marker word
// of its own, in a policy, an initiative, a user's name (so in the audit log) and
// a status round, so a test can tell whose data a response shows.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { apiTokenCreator } from "../src/commands/apiTokenCreator.ts";
import { roundOpener } from "../src/commands/rounds/roundOpener.ts";
import { userCreator } from "../src/commands/userCreator.ts";
import { organisations } from "../src/db/schema.ts";
import {
  buildGoal,
  buildIndicator,
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
  buildRegistry,
  type TestOrganisation,
} from "./factories.ts";

export const SHARED_POLICY_SLUG = "faelles-politik";

export interface SeededOrganisation {
  org: TestOrganisation;
  slug: string;
  /** A word found only in this organisation's data. */
  marker: string;
  admin: { email: string; password: string };
  apiToken: string;
  ids: { policy: string; initiative: string; indicator: string; round: string };
}

async function seed(email: string): Promise<SeededOrganisation> {
  const org = await buildOrganisation();
  const [row] = await org.db.select().from(organisations).where(eq(organisations.id, org.organisationId));
  // A word the Danish stemmer keeps whole, unique to this organisation.
  const marker = `mrk${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  await buildRegistry(org);
  const policy = await buildPolicy(org, { slug: SHARED_POLICY_SLUG, title: `Fælles politik ${marker}` });
  const goal = await buildGoal(org, policy.id, { text: "Flere i job" });
  const indicator = await buildIndicator(org, goal.id);
  const initiative = await buildInitiative(org, policy.id, {
    title: "Sprogcafé for nytilkomne",
    description: `Et initiativ i ${marker}.`,
  });
  const password = "fælles-kodeord-men-hver-sin-bruger";
  const admin = await buildLoginUser(org, "admin", { email, password, name: "Administrator" });
  const coordinator = await buildLoginUser(org, "coordinator");
  await userCreator(admin.ctx, {
    name: `Kollega ${marker}`,
    email: `kollega-${email}`,
    role: "viewer",
    password: "kollegaens-kodeord-123",
  });
  const round = await roundOpener(coordinator.ctx, {
    policyId: policy.id,
    kind: "annual",
    period: "2025",
    title: `Statusrunde ${marker}`,
    deadline: "2026-12-01",
    administrations: ["SOF"],
  });
  const { token } = await apiTokenCreator(admin.ctx, { email, name: "Integration" });
  return {
    org,
    slug: row!.slug,
    marker,
    admin: { email, password },
    apiToken: token,
    ids: { policy: policy.id, initiative: initiative.id, indicator: indicator.id, round: round.id },
  };
}

/** Two organisations sharing codes, titles, a policy slug and the administrator's e-mail. */
export async function buildTwoOrganisations(): Promise<[SeededOrganisation, SeededOrganisation]> {
  const email = `admin-${randomUUID().slice(0, 8)}@example.dk`;
  return [await seed(email), await seed(email)];
}
