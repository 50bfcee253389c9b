import { describe, expect, it } from "vitest";
import { buildActor } from "../../test/actors.ts";
import { testDatabase } from "../../test/db.ts";
import {
  buildGoal,
  buildIndicator,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
  buildTheme,
} from "../../test/factories.ts";
import { buildApp } from "../app.ts";
import { roundOpener } from "../commands/rounds/roundOpener.ts";
import { observations } from "../db/schema.ts";
import { createLogger } from "../logger.ts";
import { AdminClient } from "../web/admin/testkit.ts";

/** An indicator whose one figure rests on 7 persons, and an open round on its policy. */
async function sevenPersons() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org, { title: "Politik for lige muligheder" });
  const theme = await buildTheme(org, policy.id, 1, "Job og uddannelse");
  const goal = await buildGoal(org, policy.id, { themeId: theme.id, text: "Flere i job" });
  const indicator = await buildIndicator(org, goal.id, { title: "Unge i job" });
  const [obs] = await org.db
    .insert(observations)
    .values({
      organisationId: org.organisationId,
      indicatorId: indicator.id,
      period: "2024",
      year: 2024,
      value: 43.7,
      n: 7,
    })
    .returning();
  const coordinator = await buildActor(org, "coordinator");
  const round = await roundOpener(coordinator.ctx, {
    policyId: policy.id,
    kind: "annual",
    period: "2025",
    deadline: `${new Date().getUTCFullYear() + 1}-01-31`,
    administrations: ["BIF"],
  });
  return { org, indicator, observation: obs!, round };
}

async function appWith(org: Awaited<ReturnType<typeof buildOrganisation>>, suppressionThreshold?: number) {
  const app = buildApp({
    database: await testDatabase(),
    organisation: { id: org.organisationId, name: "Testkommune" },
    logger: createLogger("silent"),
    ...(suppressionThreshold === undefined ? {} : { suppressionThreshold }),
  });
  const { email, password } = await buildLoginUser(org, "coordinator");
  const admin = new AdminClient(app);
  expect((await admin.login(email, password)).status).toBe(303);
  return { app, admin };
}

/** What each surface says about the figure: the portal, the API, the open data and the committee report. */
async function surfaces(s: Awaited<ReturnType<typeof sevenPersons>>, suppressionThreshold?: number) {
  const { app, admin } = await appWith(s.org, suppressionThreshold);
  const portal = await (await app.request(`/indikatorer/${s.indicator.id}`)).text();
  const api = (await (await app.request(`/api/v1/observations/${s.observation.id}`)).json()) as {
    data: Record<string, unknown>;
  };
  const csv = await (await app.request("/data/observations.csv")).text();
  const report = await admin.get(`/admin/runder/${s.round.id}/rapport.html`);
  expect(report.status).toBe(200);
  return { portal, api: api.data, csv, report: await report.text() };
}

describe("the configured suppression threshold", () => {
  it("shows a figure of 7 persons everywhere under the default threshold of 5", async () => {
    const s = await sevenPersons();
    const shown = await surfaces(s);
    expect(shown.portal).toContain("43,7");
    expect(shown.api).toMatchObject({ value: 43.7, n: 7, suppressed: false });
    expect(shown.csv).toContain("43.7");
    expect(shown.report).toContain("43,7");
  });

  it("hides a figure of 7 persons on the portal, the API, the open data and the committee report at 10", async () => {
    const s = await sevenPersons();
    const hidden = await surfaces(s, 10);
    expect(hidden.portal).not.toContain("43,7");
    expect(hidden.portal).toContain("&lt;10");
    expect(hidden.api).toMatchObject({ value: null, n: null, suppressed: true });
    expect(hidden.csv).not.toContain("43.7");
    expect(hidden.csv).toContain("<10");
    expect(hidden.report).not.toContain("43,7");
    expect(hidden.report).toContain("&lt;10");
  });
});
