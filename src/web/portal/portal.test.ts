// Route tests of the public portal pages (app.request(), no network): what a
// citizen sees, escaping, bad query parameters, suppression, CSV.
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import {
  buildGoal,
  buildIndicator,
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  buildTheme,
  type TestOrganisation,
} from "../../../test/factories.ts";
import { budgetLines, observations } from "../../db/schema.ts";
import { bumpGeneration } from "../../queries/generation.ts";

async function get(org: TestOrganisation, path: string) {
  const res = await (await buildTestApp(org)).request(path);
  return { res, html: await res.text() };
}

async function policyWithProgress(org: TestOrganisation) {
  const policy = await buildPolicy(org, {
    title: "Politik for lige muligheder",
    periodStart: 2020,
    periodEnd: 2030,
    followUp: "Årlig status til Økonomiudvalget i marts.",
  });
  const theme = await buildTheme(org, policy.id, 1, "Flere i arbejde");
  const goal = await buildGoal(org, policy.id, {
    themeId: theme.id,
    number: "1.1",
    text: "Flere unge i job",
  });
  // 60 → 70 from 2018 to 2022; 70 reached in 2021: target achieved.
  const reached = await buildIndicator(org, goal.id, { title: "Andel unge i job" });
  await org.db.insert(observations).values([
    { organisationId: org.organisationId, indicatorId: reached.id, period: "2018", year: 2018, value: 60 },
    { organisationId: org.organisationId, indicatorId: reached.id, period: "2021", year: 2021, value: 71 },
  ]);
  // Falling while it should rise: deterioration.
  const falling = await buildIndicator(org, goal.id, { title: "Andel i praktik" });
  await org.db.insert(observations).values([
    { organisationId: org.organisationId, indicatorId: falling.id, period: "2018", year: 2018, value: 60 },
    { organisationId: org.organisationId, indicatorId: falling.id, period: "2021", year: 2021, value: 50 },
  ]);
  return { policy, theme, goal, reached, falling };
}

describe("front page", () => {
  it("lists each policy with period, owner and its progress summary, archived ones apart", async () => {
    const org = await buildOrganisation();
    const { policy } = await policyWithProgress(org);
    await buildInitiative(org, policy.id, {
      title: "Mentorer",
      status: "ongoing",
      fundingStatus: "within_frame",
    });
    await buildInitiative(org, policy.id, {
      title: "Jobcafé",
      status: "ongoing",
      fundingStatus: "requires_separate_funding",
    });
    await buildInitiative(org, policy.id, {
      title: "Sprogkursus",
      status: "planned",
      fundingStatus: "in_budget_process",
    });
    await buildPolicy(org, {
      title: "Gammel arkiveret politik",
      status: "archived",
      periodStart: 2001,
      periodEnd: 2004,
    });
    const { res, html } = await get(org, "/");
    expect(res.status).toBe(200);
    expect(html).toContain("Politik for lige muligheder");
    expect(html).toContain("2020–2030");
    expect(html).toContain("Økonomiforvaltningen");
    const section = html.slice(html.indexOf("Politik for lige muligheder"), html.indexOf("Arkiverede"));
    expect(section).toMatch(
      /<span class="status-count">1<\/span> <span class="badge badge-success"><span class="sr-only">Fremgang: <\/span>Målet er nået/,
    );
    expect(section).toMatch(
      /<span class="status-count">1<\/span> <span class="badge badge-error"><span class="sr-only">Fremgang: <\/span>Tilbagegang/,
    );
    expect(section).toMatch(
      /<span class="status-count">2<\/span> <span class="badge badge-info"><span class="sr-only">Status: <\/span>I gang/,
    );
    expect(section).toContain("2 initiativer (kræver særskilt finansiering eller indgår i budgetprocessen)");
    expect(html.indexOf("Gammel arkiveret politik")).toBeGreaterThan(html.indexOf("Arkiverede"));
    expect(html).toContain('action="/soeg"');
  });
});

describe("policy page", () => {
  it("shows themes → goals → indicators with progress, roll-up rule, initiatives by administration, plans, follow-up", async () => {
    const org = await buildOrganisation();
    const { policy } = await policyWithProgress(org);
    await buildInitiative(org, policy.id, { title: "Mentorer", administrationId: org.administrationIds.BIF });
    await buildInitiative(org, policy.id, {
      title: "Rådgivning",
      administrationId: org.administrationIds.SOF,
    });
    await buildPolicy(org, { title: "Handleplan 2024", kind: "action_plan", parentPolicyId: policy.id });
    const { res, html } = await get(org, `/politikker/${policy.slug}`);
    expect(res.status).toBe(200);
    expect(html).toContain("Tema 1: Flere i arbejde");
    expect(html).toContain("Flere unge i job");
    expect(html).toContain("Andel unge i job");
    expect(html).toContain("Målet er nået");
    expect(html).toContain("Tilbagegang");
    expect(html).toContain("Sådan lægges fremdriften sammen");
    expect(html).toContain('class="sparkline"');
    expect(html).toContain("Beskæftigelses- og Integrationsforvaltningen (1)");
    expect(html).toContain("Socialforvaltningen (1)");
    expect(html).toContain("Handleplan 2024");
    expect(html).toContain("Årlig status til Økonomiudvalget i marts.");
    expect(html).toContain('href="/"');
    expect(html).toContain("Åbne data");
  });

  it("answers an unknown policy with the Danish 404 page", async () => {
    const { res, html } = await get(await buildOrganisation(), "/politikker/findes-ikke");
    expect(res.status).toBe(404);
    expect(html).toContain("Siden findes ikke");
  });
});

describe("indicator page", () => {
  it("never shows a value based on fewer than 5 persons, on the page or in its CSV", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const goal = await buildGoal(org, policy.id);
    const ind = await buildIndicator(org, goal.id, { title: "Andel i fritidsjob", unit: "pct." });
    await org.db.insert(observations).values([
      {
        organisationId: org.organisationId,
        indicatorId: ind.id,
        period: "2019",
        year: 2019,
        value: 61.5,
        n: 40,
      },
      {
        organisationId: org.organisationId,
        indicatorId: ind.id,
        period: "2020",
        year: 2020,
        value: 87.25,
        n: 3,
      },
      {
        organisationId: org.organisationId,
        indicatorId: ind.id,
        period: "2020",
        year: 2020,
        value: 64.5,
        n: 20,
        disaggregation: "køn=kvinder",
        footnote: "Ny opgørelse",
      },
    ]);
    const { res, html } = await get(org, `/indikatorer/${ind.id}`);
    expect(res.status).toBe(200);
    expect(html).toContain("&lt;5");
    expect(html).not.toContain("87,25");
    expect(html).not.toContain("87.25");
    expect(html).toContain("61,5");
    expect(html).toContain("Sådan beregnes fremdrift");
    expect(html).toContain(`href="/indikatorer/${ind.id}?opdeling=k%C3%B8n%3Dkvinder"`);
    const csv = await get(org, `/indikatorer/${ind.id}.csv`);
    expect(csv.res.headers.get("content-type")).toContain("text/csv");
    expect(csv.html).toContain("2020,,<5,<5,pct.");
    expect(csv.html).not.toContain("87.25");
    const women = await get(org, `/indikatorer/${ind.id}?opdeling=${encodeURIComponent("køn=kvinder")}`);
    expect(women.html).toContain("64,5");
    expect(women.html).toContain("Ny opgørelse");
  });

  it("shows the rule beside a target written as a change from the baseline", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const goal = await buildGoal(org, policy.id);
    const ind = await buildIndicator(org, goal.id, {
      title: "I 2030 skal 20 pct. færre være ledige end i 2018",
      direction: "decrease",
      baselineValue: 10,
      baselinePeriod: "2018",
      targetValue: 8,
      targetPeriod: "2030",
    });
    const { html } = await get(org, `/indikatorer/${ind.id}`);
    expect(html).toContain(
      "Beregnet fra udgangspunktet: »20 pct. færre være ledige end i 2018« giver 10 × 0,8 = 8",
    );
  });

  it("answers an id that is not a UUID with 404, not a database error", async () => {
    const { res } = await get(await buildOrganisation(), "/indikatorer/1%27%20or%201=1");
    expect(res.status).toBe(404);
  });
});

describe("initiatives", () => {
  it("escapes a title with markup everywhere it is shown", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const i = await buildInitiative(org, policy.id, { title: "<script>alert(1)</script>Mentorordning" });
    for (const path of [
      "/initiativer",
      `/initiativer/${i.id}`,
      `/politikker/${policy.slug}`,
      "/soeg?q=mentorordning",
    ]) {
      const { html } = await get(org, path);
      expect(html, path).not.toContain("<script>alert(1)");
      expect(html, path).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });

  it("gives a Danish 400 page, not a 500, for a bad filter value", async () => {
    const org = await buildOrganisation();
    for (const query of [
      "aar=abc",
      "finansiering=gratis",
      "side=0",
      "grund=%3Cb%3E",
      "sortering=drop",
      "forvaltning=%27%3B",
    ]) {
      const { res, html } = await get(org, `/initiativer?${query}`);
      expect(res.status, query).toBe(400);
      expect(html).toContain("Forespørgslen kunne ikke behandles");
      expect(html).toMatch(/i adressen er ikke gyldig/);
    }
  });

  it("filters, sorts, totals the DKK of the filter and gives the same filter as CSV", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const a = await buildInitiative(org, policy.id, {
      title: "Alfa",
      administrationId: org.administrationIds.SOF,
      equalityGrounds: ["disability"],
    });
    const b = await buildInitiative(org, policy.id, {
      title: "Beta",
      administrationId: org.administrationIds.SOF,
      equalityGrounds: ["disability"],
    });
    await buildInitiative(org, policy.id, { title: "Gamma", administrationId: org.administrationIds.BUF });
    await org.db.insert(budgetLines).values([
      { organisationId: org.organisationId, initiativeId: a.id, year: 2022, amountDkk: 1_000_000 },
      { organisationId: org.organisationId, initiativeId: a.id, year: 2023, amountDkk: 500_000 },
      { organisationId: org.organisationId, initiativeId: b.id, year: 2022, amountDkk: 2_500_000 },
    ]);
    const { html } = await get(
      org,
      "/initiativer?forvaltning=SOF&grund=funktionsevne&sortering=amount&retning=desc",
    );
    expect(html).toContain("2 initiativer");
    expect(html).toContain("4 mio. kr.");
    expect(html).not.toContain("Gamma");
    expect(html.indexOf("Beta")).toBeLessThan(html.indexOf("Alfa"));
    const year = await get(org, "/initiativer?forvaltning=SOF&aar=2023");
    expect(year.html).toContain("1 initiativ");
    expect(year.html).toContain("500.000 kr.");
    const csv = await get(org, "/initiativer?forvaltning=SOF&sortering=title&format=csv");
    expect(csv.res.headers.get("content-type")).toContain("text/csv");
    const lines = csv.html.trim().split("\n");
    expect(lines[0]).toBe(
      "id,title,administration,policy_slug,policy_title,funding_status,status,equality_grounds,start_year,end_year,amount_dkk_per_year,fte_per_year,amount_dkk_years_total,years_total_span,amount_dkk_whole_period,fte_whole_period,whole_period",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(",Alfa,SOF,");
    expect(lines[1]).toContain(",2022=1000000;2023=500000,,1500000,2022–2023,");
  });

  it("writes a title that looks like a formula as text in the CSV download (no CSV injection)", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "@Politik" });
    await buildInitiative(org, policy.id, { title: '=HYPERLINK("http://evil.example","Klik")' });
    const csv = await get(org, "/initiativer?format=csv");
    const [, row] = parse(csv.html, { relax_column_count: true }) as string[][];
    expect(row![1]).toBe(`'=HYPERLINK("http://evil.example","Klik")`);
    expect(row![4]).toBe("'@Politik");
  });
});

describe("equality-ground page", () => {
  it("gathers the initiatives with the ground and the policies that name it", async () => {
    const org = await buildOrganisation();
    const disability = await buildPolicy(org, {
      title: "Handicappolitik",
      periodStart: 2024,
      periodEnd: 2030,
    });
    const other = await buildPolicy(org, { title: "Anden politik", periodStart: 2020, periodEnd: 2024 });
    await buildInitiative(org, other.id, {
      title: "Tilgængelige idrætshaller",
      equalityGrounds: ["disability"],
    });
    await buildInitiative(org, other.id, { title: "Ikke om handicap", equalityGrounds: ["age"] });
    const unrelated = await buildPolicy(org, { title: "Miljøpolitik" });
    const { res, html } = await get(org, "/ligestillingsgrunde/funktionsevne");
    expect(res.status).toBe(200);
    expect(html).toContain("Alt om handicap og funktionsevne");
    expect(html).toContain(`href="/politikker/${disability.slug}"`);
    // Named by its words and by an initiative; the one that runs longest first, not by title.
    const policyLinks = [...html.matchAll(/href="\/politikker\/([^"]+)"/g)].map((m) => m[1]);
    expect(policyLinks.filter((slug) => slug !== unrelated.slug)).toEqual(
      expect.arrayContaining([other.slug, disability.slug]),
    );
    expect(policyLinks.indexOf(disability.slug)).toBeLessThan(policyLinks.indexOf(other.slug));
    expect(policyLinks).not.toContain(unrelated.slug);
    expect(html).toContain("Tilgængelige idrætshaller");
    expect(html).not.toContain("Ikke om handicap");
    expect((await get(org, "/ligestillingsgrunde/ukendt")).res.status).toBe(404);
  });
});

describe("open data page", () => {
  it("offers the package as a zip, each resource as CSV, its columns in Danish and the licence", async () => {
    const org = await buildOrganisation();
    await buildPolicy(org, { title: "Politik om åbne data" });
    const { res, html } = await get(org, "/data");
    expect(res.status).toBe(200);
    expect(html).toContain('href="/data/pejl-datapakke.zip"');
    expect(html).toContain('href="/data/initiatives.csv"');
    expect(html).toContain("Creative Commons Navngivelse 4.0 International");
    expect(html).toContain("Beløb i hele kroner.");
    const csv = await get(org, "/data/policies.csv");
    expect(csv.res.headers.get("content-type")).toContain("text/csv");
    expect(csv.html.split("\n")[0]).toContain("id,title,kind");
    expect(csv.html).toContain("Politik om åbne data");
    const zip = await (await buildTestApp(org)).request("/data/pejl-datapakke.zip");
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const bytes = new Uint8Array(await zip.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect((await get(org, "/data/findes-ikke.csv")).res.status).toBe(404);
    // The descriptor on its own is the zip's, but for when each was made.
    const descriptor = await get(org, "/data/datapackage.json");
    expect(descriptor.res.headers.get("content-type")).toContain("application/json");
    const undated = (text: string) => ({ ...JSON.parse(text), created: undefined });
    const zipped = strFromU8(unzipSync(bytes)["datapackage.json"]!);
    expect(undated(descriptor.html)).toEqual(undated(zipped));
    expect(JSON.parse(descriptor.html).resources.map((r: { name: string }) => r.name)).toContain(
      "initiatives",
    );
  });

  it("serves the package as it was until the organisation's next write, then as it is", async () => {
    const org = await buildOrganisation();
    await buildPolicy(org, { title: "Politik om åbne data" });
    const app = await buildTestApp(org);
    // With a cookie, past the render cache: what is kept here is the package itself.
    const download = async () => {
      const res = await app.request("/data/pejl-datapakke.zip", { headers: { Cookie: "besoeg=1" } });
      expect(res.status).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };
    const policiesOf = (zip: Uint8Array) => strFromU8(unzipSync(zip)["policies.csv"]!);
    const first = await download();
    expect(policiesOf(first)).toContain("Politik om åbne data");
    // Rows written without a registry write's generation bump are not read again…
    await buildPolicy(org, { title: "Politik om sprog" });
    expect(await download()).toEqual(first);
    // …and after a write, the next download is read anew.
    bumpGeneration(org.organisationId);
    const after = await download();
    expect(policiesOf(after)).toContain("Politik om sprog");
    expect(policiesOf(after)).toContain("Politik om åbne data");
  });
});
