// The registry overview and the add/delete editors (measurements, budget lines,
// annual targets) through HTTP.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/app.ts";
import {
  buildGoal,
  buildIndicator,
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
  buildTheme,
  type TestOrganisation,
} from "../../../../test/factories.ts";
import { annualTargets, auditEvents, budgetLines, observations } from "../../../db/schema.ts";
import { AdminClient } from "../testkit.ts";

async function coordinatorOf(org: TestOrganisation) {
  const { email, password } = await buildLoginUser(org, "coordinator");
  const client = new AdminClient(await buildTestApp(org));
  await client.login(email, password);
  await client.get("/admin");
  return client;
}

async function world() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org, { title: "Ligestillingspolitik" });
  const theme = await buildTheme(org, policy.id, 2, "Lige muligheder");
  const goal = await buildGoal(org, policy.id, { themeId: theme.id, text: "Flere kvinder i ledelse" });
  const loose = await buildGoal(org, policy.id, { text: "Ingen diskrimination", number: "9" });
  const indicator = await buildIndicator(org, goal.id, { title: "Andel kvindelige ledere" });
  const sof = await buildInitiative(org, policy.id, {
    title: "Rådgivning",
    administrationId: org.administrationIds.SOF,
  });
  const bif = await buildInitiative(org, policy.id, {
    title: "Mentorordning",
    administrationId: org.administrationIds.BIF,
  });
  return { org, policy, theme, goal, loose, indicator, sof, bif };
}

describe("the registry overview", () => {
  it("shows policies → themes → goals → indicators and the initiatives, each linking to its editor", async () => {
    const w = await world();
    const client = await coordinatorOf(w.org);
    const res = await client.get("/admin/register");
    expect(res.status).toBe(200);
    const html = client.lastHtml;
    expect(html).toContain(`<a href="/admin/register/politikker/${w.policy.id}">Ligestillingspolitik</a>`);
    expect(html).toContain(`<a href="/admin/register/temaer/${w.theme.id}">2. Lige muligheder</a>`);
    expect(html).toContain(`<a href="/admin/register/maal/${w.goal.id}">1. Flere kvinder i ledelse</a>`);
    expect(html).toContain(`<a href="/admin/register/maal/${w.loose.id}">9. Ingen diskrimination</a>`);
    expect(html).toContain(
      `<a href="/admin/register/indikatorer/${w.indicator.id}">Andel kvindelige ledere</a>`,
    );
    expect(html).toContain(`/admin/register/initiativer/${w.sof.id}`);
    expect(html).toContain(`/admin/register/initiativer/${w.bif.id}`);
    // The indicator sits under its goal, the goal under its theme.
    const theme = html.indexOf("2. Lige muligheder");
    expect(html.indexOf("Flere kvinder i ledelse")).toBeGreaterThan(theme);
    expect(html.indexOf("Andel kvindelige ledere")).toBeGreaterThan(html.indexOf("Flere kvinder i ledelse"));
  });

  it("filters the initiatives by administration", async () => {
    const w = await world();
    const client = await coordinatorOf(w.org);
    await client.get("/admin/register?forvaltning=BIF");
    expect(client.lastHtml).toContain("Mentorordning");
    expect(client.lastHtml).not.toContain("Rådgivning");
    expect(client.lastHtml).toContain('<option value="BIF" selected');
    // The registry tree itself is not filtered.
    expect(client.lastHtml).toContain("Andel kvindelige ledere");
  });
});

describe("adding and deleting rows", () => {
  it("adds a measurement with a Danish period, stored canonically with its year, and refuses a second for the same period", async () => {
    const w = await world();
    const client = await coordinatorOf(w.org);
    const add = `/admin/register/maalinger/ny?under=${w.indicator.id}`;
    expect((await client.get(add)).status).toBe(200);
    const form = {
      period: "3. kvt. 2019",
      value: "41,5",
      disaggregation: "",
      n: "230",
      footnote: "",
      source: "",
    };
    const res = await client.post(add, form);
    expect(res.status).toBe(303);
    const [row] = await w.org.db
      .select()
      .from(observations)
      .where(eq(observations.indicatorId, w.indicator.id));
    expect(row).toMatchObject({ period: "2019Q3", year: 2019, value: 41.5, n: 230 });
    expect(res.headers.get("location")).toBe(`/admin/register/maalinger/${row!.id}?gemt=oprettet`);
    const [event] = await w.org.db.select().from(auditEvents).where(eq(auditEvents.entityId, row!.id));
    expect(event?.action).toBe("observation.create");

    await client.get(`/admin/register/indikatorer/${w.indicator.id}`);
    expect(client.lastHtml).toContain(`href="/admin/register/maalinger/${row!.id}"`);

    const again = await client.post(add, { ...form, period: "2019Q3" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Indikatoren har allerede en måling for 2019Q3.");
    const bad = await client.post(add, { ...form, period: "engang", value: "" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Udfyld værdi.");
    expect(html).toContain('href="#period"');
    expect(
      await w.org.db.select().from(observations).where(eq(observations.indicatorId, w.indicator.id)),
    ).toHaveLength(1);
  });

  it("deletes a measurement only at the version the user saw", async () => {
    const w = await world();
    const client = await coordinatorOf(w.org);
    const [obs] = await w.org.db
      .insert(observations)
      .values({
        organisationId: w.org.organisationId,
        indicatorId: w.indicator.id,
        period: "2020",
        year: 2020,
        value: 1,
      })
      .returning();
    const path = `/admin/register/maalinger/${obs!.id}`;
    await client.get(path);
    await client.post(path, { period: "2020", value: "2", version: "1" });
    const stale = await client.post(`${path}/slet`, { version: "1" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("intet er slettet");
    expect(await w.org.db.select().from(observations).where(eq(observations.id, obs!.id))).toHaveLength(1);
    const ok = await client.post(`${path}/slet`, { version: "2" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/admin/register/indikatorer/${w.indicator.id}?gemt=slettet`);
    expect(await w.org.db.select().from(observations).where(eq(observations.id, obs!.id))).toHaveLength(0);
    const [event] = await w.org.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organisationId, w.org.organisationId),
          eq(auditEvents.action, "observation.delete"),
        ),
      );
    expect(event?.before).toMatchObject({ id: obs!.id, value: 2 });
  });

  it("adds a budget line for the whole period and an annual target to an initiative", async () => {
    const w = await world();
    const client = await coordinatorOf(w.org);
    await client.get(`/admin/register/budgetlinjer/ny?under=${w.sof.id}`);
    const line = await client.post(`/admin/register/budgetlinjer/ny?under=${w.sof.id}`, {
      year: "",
      amountDkk: "2,5 mio. kr.",
      fte: "1,5",
      fundingStatus: "requires_separate_funding",
      label: "",
    });
    expect(line.status).toBe(303);
    expect(
      await w.org.db.select().from(budgetLines).where(eq(budgetLines.initiativeId, w.sof.id)),
    ).toMatchObject([
      { year: null, amountDkk: 2_500_000, fte: 1.5, fundingStatus: "requires_separate_funding" },
    ]);
    const target = await client.post(`/admin/register/aarsmaal/ny?under=${w.sof.id}`, {
      year: "2025",
      metric: "Samtaler",
      targetValue: "200",
      actualValue: "",
      unit: "",
    });
    expect(target.status).toBe(303);
    expect(
      await w.org.db.select().from(annualTargets).where(eq(annualTargets.initiativeId, w.sof.id)),
    ).toMatchObject([{ year: 2025, metric: "Samtaler", targetValue: 200, actualValue: null }]);
    await client.get(`/admin/register/initiativer/${w.sof.id}`);
    expect(client.lastHtml).toContain("Hele perioden");
    expect(client.lastHtml).toContain("2.500.000 kr.");
    expect(client.lastHtml).toContain("Samtaler");
  });

  it("adds a theme, a goal under it, an indicator and an initiative from the policy's page", async () => {
    const w = await world();
    const client = await coordinatorOf(w.org);
    await client.get(`/admin/register/politikker/${w.policy.id}`);
    for (const slug of ["temaer", "maal", "initiativer"])
      expect(client.lastHtml).toContain(`href="/admin/register/${slug}/ny?under=${w.policy.id}"`);

    const taken = await client.post(`/admin/register/temaer/ny?under=${w.policy.id}`, {
      number: "2",
      title: "Igen",
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Politikken har allerede et tema nummer 2.");
    const theme = await client.post(`/admin/register/temaer/ny?under=${w.policy.id}`, {
      number: "3",
      title: "Sundhed",
    });
    expect(theme.status).toBe(303);
    const themeId = /temaer\/([0-9a-f-]{36})/.exec(theme.headers.get("location")!)![1]!;

    await client.get(`/admin/register/maal/ny?under=${w.policy.id}`);
    expect(client.lastHtml).toContain("3. Sundhed");
    const goal = await client.post(`/admin/register/maal/ny?under=${w.policy.id}`, {
      text: "Lige adgang til sundhed",
      number: "4",
      kind: "goal",
      themeId,
      administrationId: w.org.administrationIds.SUF!,
      sortOrder: "0",
    });
    expect(goal.status).toBe(303);
    const goalId = /maal\/([0-9a-f-]{36})/.exec(goal.headers.get("location")!)![1]!;
    const indicator = await client.post(`/admin/register/indikatorer/ny?under=${goalId}`, {
      title: "Andel med egen læge",
      direction: "increase",
      targetValue: "95",
      targetPeriod: "2027",
    });
    expect(indicator.status).toBe(303);
    const initiative = await client.post(`/admin/register/initiativer/ny?under=${w.policy.id}`, {
      title: "Sundhedsguider",
      administrationId: w.org.administrationIds.SUF!,
      fundingStatus: "in_budget_process",
      status: "planned",
    });
    expect(initiative.status).toBe(303);

    await client.get("/admin/register");
    const html = client.lastHtml;
    expect(html).toContain(`<a href="/admin/register/temaer/${themeId}">3. Sundhed</a>`);
    expect(html.indexOf("Andel med egen læge")).toBeGreaterThan(html.indexOf("4. Lige adgang til sundhed"));
    expect(html).toContain("Sundhedsguider");
    const actions = (
      await w.org.db.select().from(auditEvents).where(eq(auditEvents.organisationId, w.org.organisationId))
    )
      .map((e) => e.action)
      .filter((a) => a.endsWith(".create"))
      .sort();
    expect(actions).toEqual(["goal.create", "indicator.create", "initiative.create", "theme.create"]);
  });
});
