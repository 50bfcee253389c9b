// The registry editors through HTTP, one table row per kind: a save (audited),
// a stale version (the changed fields shown, the user's values kept), a
// validation error in Danish, and a 404 for reporters and viewers.
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
import {
  annualTargets,
  auditEvents,
  budgetLines,
  goals,
  indicators,
  initiatives,
  observations,
  policies,
  themes,
} from "../../../db/schema.ts";
import { AdminClient } from "../testkit.ts";

async function as(org: TestOrganisation, role: "coordinator" | "reporter" | "viewer" | "admin") {
  const { email, password } = await buildLoginUser(org, role, {
    administrationCode: role === "reporter" ? "BIF" : undefined,
  });
  const client = new AdminClient(await buildTestApp(org));
  expect((await client.login(email, password)).status).toBe(303);
  await client.get("/admin");
  return client;
}

async function world() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org);
  const theme = await buildTheme(org, policy.id, 1, "Beskæftigelse");
  const goal = await buildGoal(org, policy.id, { themeId: theme.id });
  const indicator = await buildIndicator(org, goal.id);
  const initiative = await buildInitiative(org, policy.id);
  const [observation] = await org.db
    .insert(observations)
    .values({
      organisationId: org.organisationId,
      indicatorId: indicator.id,
      period: "2018",
      year: 2018,
      value: 60,
    })
    .returning();
  const [line] = await org.db
    .insert(budgetLines)
    .values({
      organisationId: org.organisationId,
      initiativeId: initiative.id,
      year: 2024,
      amountDkk: 500_000,
    })
    .returning();
  const [target] = await org.db
    .insert(annualTargets)
    .values({
      organisationId: org.organisationId,
      initiativeId: initiative.id,
      year: 2024,
      metric: "Deltagere",
    })
    .returning();
  return {
    org,
    policy,
    theme,
    goal,
    indicator,
    initiative,
    observation: observation!,
    line: line!,
    target: target!,
  };
}
type World = Awaited<ReturnType<typeof world>>;

interface Case {
  slug: string;
  table: typeof policies | typeof themes | typeof goals | typeof indicators | typeof observations;
  id: (w: World) => string;
  /** A complete, valid form. */
  form: (w: World) => Record<string, string | string[]>;
  /** The field a user changes, the value saved first, and the user's own value. */
  field: string;
  column: string;
  label: string;
  first: string;
  mine: string;
  /** The saved value as the conflict notice shows it. */
  theirs: string;
  /** How the form shows the user's own value again. */
  mineHtml: string;
  /** A value of some field that is refused, and the Danish message. */
  invalid: [string, string, string];
}

const cases: Case[] = [
  {
    slug: "politikker",
    table: policies,
    id: (w) => w.policy.id,
    form: () => ({
      title: "Politik",
      kind: "policy",
      status: "adopted",
      periodStart: "2024",
      periodEnd: "2027",
    }),
    field: "title",
    column: "title",
    label: "Titel",
    first: "Deres titel",
    mine: "Min titel",
    theirs: "Deres titel",
    mineHtml: 'value="Min titel"',
    invalid: ["periodEnd", "2020", "Sidste år kan ikke ligge før første år."],
  },
  {
    slug: "temaer",
    table: themes,
    id: (w) => w.theme.id,
    form: () => ({ number: "1", title: "Tema", description: "" }),
    field: "title",
    column: "title",
    label: "Titel",
    first: "Uddannelse",
    mine: "Job",
    theirs: "Uddannelse",
    mineHtml: 'value="Job"',
    invalid: ["number", "en", "Nummer skal være et helt tal."],
  },
  {
    slug: "maal",
    table: goals,
    id: (w) => w.goal.id,
    form: (w) => ({ text: "Flere i job", number: "1", kind: "goal", themeId: w.theme.id, sortOrder: "0" }),
    field: "text",
    column: "text",
    label: "Tekst",
    first: "Flere i uddannelse",
    mine: "Flere i arbejde",
    theirs: "Flere i uddannelse",
    mineHtml: ">Flere i arbejde</textarea>",
    invalid: ["text", "", "Udfyld tekst."],
  },
  {
    slug: "indikatorer",
    table: indicators,
    id: (w) => w.indicator.id,
    form: () => ({
      title: "Andel",
      unit: "pct.",
      direction: "increase",
      baselineValue: "60",
      baselinePeriod: "2018",
    }),
    field: "baselineValue",
    column: "baselineValue",
    label: "Udgangspunkt",
    first: "61,5",
    mine: "62",
    theirs: "61,5",
    mineHtml: 'value="62"',
    invalid: ["targetPeriod", "næste år", "Målets periode: Perioden"],
  },
  {
    slug: "maalinger",
    table: observations,
    id: (w) => w.observation.id,
    form: () => ({ period: "2018", value: "60", disaggregation: "", n: "120", source: "Danmarks Statistik" }),
    field: "value",
    column: "value",
    label: "Værdi",
    first: "63",
    mine: "64,5",
    theirs: "63",
    mineHtml: 'value="64,5"',
    invalid: ["period", "sidste år", "Perioden &quot;sidste år&quot; kan ikke tolkes"],
  },
  {
    slug: "initiativer",
    table: initiatives as never,
    id: (w) => w.initiative.id,
    form: (w) => ({
      title: "Rådgivning",
      administrationId: w.org.administrationIds.SOF!,
      goalIds: [w.goal.id],
      equalityGrounds: ["sexual_orientation", "gender_identity"],
      targetGroups: "Unge\nÆldre",
      fundingStatus: "funded",
      status: "ongoing",
      startYear: "2024",
      endYear: "2026",
    }),
    field: "status",
    column: "status",
    label: "Status",
    first: "completed",
    mine: "paused",
    theirs: "Afsluttet",
    mineHtml: '<option value="paused" selected',
    invalid: ["endYear", "2020", "Slutåret kan ikke ligge før startåret."],
  },
  {
    slug: "budgetlinjer",
    table: budgetLines as never,
    id: (w) => w.line.id,
    form: () => ({ year: "2024", amountDkk: "500.000", fte: "1,5", fundingStatus: "funded" }),
    field: "amountDkk",
    column: "amountDkk",
    label: "Beløb i kr.",
    first: "600.000",
    mine: "2,5 mio.",
    theirs: "600.000",
    mineHtml: 'value="2,5 mio."',
    invalid: ["fte", "mange", "Årsværk: Antallet af årsværk"],
  },
  {
    slug: "aarsmaal",
    table: annualTargets as never,
    id: (w) => w.target.id,
    form: () => ({
      year: "2024",
      metric: "Deltagere",
      targetValue: "100",
      actualValue: "80",
      unit: "personer",
    }),
    field: "actualValue",
    column: "actualValue",
    label: "Opnået",
    first: "90",
    mine: "95",
    theirs: "90",
    mineHtml: 'value="95"',
    invalid: ["metric", "", "Udfyld måltal."],
  },
];

async function rowOf(org: TestOrganisation, c: Case, id: string) {
  const [row] = await org.db.select().from(c.table).where(eq(c.table.id, id));
  return row as Record<string, unknown>;
}

describe("registry editors", () => {
  it.each(cases)(
    "$slug: saves with an audit event, shows a conflict with both values, refuses bad input in Danish",
    async (c) => {
      const w = await world();
      const coordinator = await as(w.org, "coordinator");
      const path = `/admin/register/${c.slug}/${c.id(w)}`;
      expect((await coordinator.get(path)).status).toBe(200);
      expect(coordinator.lastHtml).toContain('name="version" value="1"');

      const saved = await coordinator.post(path, { ...c.form(w), version: "1", [c.field]: c.first });
      expect(saved.status, coordinator.lastHtml).toBe(303);
      expect(saved.headers.get("location")).toBe(`${path}?gemt=1`);
      const after = await rowOf(w.org, c, c.id(w));
      expect(after.version).toBe(2);
      const [event] = await w.org.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, c.id(w)), eq(auditEvents.organisationId, w.org.organisationId)));
      expect(event?.before).toMatchObject({ version: 1 });
      expect(event?.after).toMatchObject({ version: 2 });

      // A second user still holds version 1: nothing is overwritten.
      const stale = await coordinator.post(path, { ...c.form(w), version: "1", [c.field]: c.mine });
      expect(stale.status).toBe(409);
      const html = await stale.text();
      expect(html).toContain("En anden har gemt først");
      const conflict = /data-testid="conflict">([\s\S]*?)<\/ul>/.exec(html)![1]!;
      expect(conflict).toContain(`<strong>${c.label}</strong>`);
      expect(html).toContain('name="version" value="2"');
      expect(await rowOf(w.org, c, c.id(w))).toMatchObject({ version: 2 });
      // The user's value is still in the form; saving again applies it.
      expect(conflict).toContain(`nu «${c.theirs}»`);
      expect(html).toContain(c.mineHtml);
      const reapplied = await coordinator.post(path, { ...c.form(w), version: "2", [c.field]: c.mine });
      expect(reapplied.status).toBe(303);
      expect((await rowOf(w.org, c, c.id(w))).version).toBe(3);

      const bad = await coordinator.post(path, { ...c.form(w), version: "3", [c.invalid[0]]: c.invalid[1] });
      expect(bad.status).toBe(400);
      const badHtml = await bad.text();
      expect(badHtml).toContain("<title>Fejl: ");
      expect(badHtml).toContain(c.invalid[2]);
      // What the user typed stays in the form to correct.
      if (c.invalid[1]) expect(badHtml).toContain(`value="${c.invalid[1]}"`);
      expect((await rowOf(w.org, c, c.id(w))).version).toBe(3);
    },
  );

  it("shows the conflict's fields with their value and the user's", async () => {
    const w = await world();
    const coordinator = await as(w.org, "coordinator");
    const path = `/admin/register/temaer/${w.theme.id}`;
    await coordinator.get(path);
    await coordinator.post(path, { version: "1", number: "1", title: "Deres titel", description: "" });
    const stale = await coordinator.post(path, {
      version: "1",
      number: "1",
      title: "Min titel",
      description: "Ny",
    });
    const html = await stale.text();
    expect(html).toContain("<strong>Titel</strong>: nu «Deres titel», dit forslag «Min titel»");
    expect(html).toContain("<strong>Beskrivelse</strong>: nu «(tom)», dit forslag «Ny»");
    expect(html).not.toContain("<strong>Nummer</strong>");
    expect(html).toContain('value="Min titel"');
  });

  it("a reporter and a viewer get 404 on every editor and on the overview; nothing changes", async () => {
    const w = await world();
    for (const role of ["reporter", "viewer"] as const) {
      const client = await as(w.org, role);
      expect((await client.get("/admin/register")).status).toBe(404);
      expect(client.lastHtml).not.toContain('href="/admin/register"');
      for (const c of cases) {
        const path = `/admin/register/${c.slug}/${c.id(w)}`;
        expect((await client.get(path)).status, `${role} ${c.slug}`).toBe(404);
        await client.get("/admin");
        expect((await client.post(path, { ...c.form(w), version: "1" })).status).toBe(404);
        expect((await rowOf(w.org, c, c.id(w))).version).toBe(1);
      }
      expect((await client.get(`/admin/register/maalinger/ny?under=${w.indicator.id}`)).status).toBe(404);
    }
  });

  it("links an initiative to its goals, administration, grounds and target groups", async () => {
    const w = await world();
    const coordinator = await as(w.org, "coordinator");
    const path = `/admin/register/initiativer/${w.initiative.id}`;
    await coordinator.get(path);
    const form = cases.find((c) => c.slug === "initiativer")!.form(w);
    expect((await coordinator.post(path, { ...form, version: "1" })).status).toBe(303);
    const [row] = await w.org.db.select().from(initiatives).where(eq(initiatives.id, w.initiative.id));
    expect(row).toMatchObject({
      equalityGrounds: ["sexual_orientation", "gender_identity"],
      targetGroups: ["Unge", "Ældre"],
      fundingStatus: "funded",
      startYear: 2024,
      endYear: 2026,
    });
    await coordinator.get(path);
    expect(coordinator.lastHtml).toMatch(/value="[^"]+" class="form-checkbox" checked/);
    // Unchecking every goal removes the links.
    expect((await coordinator.post(path, { ...form, goalIds: [], version: "2" })).status).toBe(303);
    await coordinator.get(path);
    expect(coordinator.lastHtml).not.toMatch(new RegExp(`value="${w.goal.id}"[^>]*checked`));
  });
});
