// Only public, aggregated data: small counts are suppressed (value and n withheld,
// `suppressed: true`), and so is the provenance quoting them; documents without their
// text or storage; unsent answers, unpublished responses and citizens' names withheld;
// candidates, users, sessions and the audit log are not in the public API at all.
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { testDatabase } from "../../test/db.ts";
import {
  buildGoal,
  buildIndicator,
  buildOrganisation,
  buildPolicy,
  buildRegistry,
} from "../../test/factories.ts";
import { buildApp } from "../app.ts";
import { observations, provenance } from "../db/schema.ts";
import { createLogger } from "../logger.ts";

type Row = Record<string, unknown>;

describe("the public API shows only public data", () => {
  it("suppresses observations with n below 5: no value, no n, suppressed true; larger n and unknown n are shown", async () => {
    const org = await buildOrganisation();
    const r = await buildRegistry(org);
    const app = await buildTestApp(org);
    const res = await app.request(`/api/v1/observations?limit=500`);
    const text = await res.text();
    const rows = (JSON.parse(text) as { data: Row[] }).data;
    const byPeriod = (indicator: string, period: string, disaggregation = "") =>
      rows.find(
        (o) => o.indicator_id === indicator && o.period === period && o.disaggregation === disaggregation,
      )!;
    const [indicator1, indicator2] = r.indicators.map((i) => i.id) as [string, string];
    // n = 3: suppressed.
    expect(byPeriod(indicator2, "2017/18")).toMatchObject({
      value: null,
      n: null,
      suppressed: true,
      footnote: "Lille gruppe",
    });
    // n = 0: suppressed too ("nobody" can identify as well).
    expect(byPeriod(indicator2, "2019-2022")).toMatchObject({ value: null, n: null, suppressed: true });
    // n = 120 and n unknown (a published rate): shown.
    expect(byPeriod(indicator2, "2016/17")).toMatchObject({ value: 120, n: 120, suppressed: false });
    expect(byPeriod(indicator1, "2020Q3")).toMatchObject({ value: 63.1, n: null, suppressed: false });
    expect(byPeriod(indicator1, "2019", "køn=kvinder")).toMatchObject({
      value: 58,
      n: 600,
      suppressed: false,
    });
    const one = (await (await app.request(`/api/v1/observations/${r.suppressed.id}`)).json()) as {
      data: Row;
    };
    expect(one.data).toMatchObject({ value: null, n: null, suppressed: true });
    // The provenance quoting the suppressed value is withheld, by list, by filter and by id.
    const quotes = (await (await app.request("/api/v1/provenance?limit=500")).json()) as { data: Row[] };
    expect(quotes.data.map((p) => p.entity)).toEqual(["policy"]);
    expect(JSON.stringify(quotes)).not.toContain("3 unge");
  });

  it("shows the provenance of an observation that is not suppressed, and hides it once n falls below the threshold", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const goal = await buildGoal(org, policy.id);
    const indicator = await buildIndicator(org, goal.id);
    const r = await buildRegistry(org);
    const [obs] = await org.db
      .insert(observations)
      .values({
        organisationId: org.organisationId,
        indicatorId: indicator.id,
        period: "2021",
        year: 2021,
        value: 7,
        n: 7,
      })
      .returning();
    const [quote] = await org.db
      .insert(provenance)
      .values({
        organisationId: org.organisationId,
        entity: "observation",
        entityId: obs!.id,
        field: "value",
        documentId: r.documents[1]!.id,
        start: 0,
        end: 6,
        quote: "7 unge",
      })
      .returning();
    const app = await buildTestApp(org);
    expect((await app.request(`/api/v1/provenance/${quote!.id}`)).status).toBe(200);
    // With a threshold of 10 the same observation is suppressed, and its quote is gone.
    const deps = {
      database: await testDatabase(),
      organisation: { id: org.organisationId, name: "Testkommune" },
      logger: createLogger("silent"),
      suppressionThreshold: 10,
    };
    const strict = buildApp(deps);
    const hidden = await strict.request(`/api/v1/provenance/${quote!.id}`);
    expect(hidden.status).toBe(404);
    const seven = (await (await strict.request(`/api/v1/observations/${obs!.id}`)).json()) as { data: Row };
    expect(seven.data).toMatchObject({ value: null, n: null, suppressed: true });
  });

  it("gives documents' metadata only, never their text or storage path", async () => {
    const org = await buildOrganisation();
    const r = await buildRegistry(org);
    const app = await buildTestApp(org);
    const body = await (await app.request(`/api/v1/documents/${r.documents[1]!.id}`)).text();
    const doc = (JSON.parse(body) as { data: Row }).data;
    expect(doc).toMatchObject({ filename: "politik.pdf", sha256: r.documents[1]!.sha256, size: 2048 });
    expect(Object.keys(doc)).not.toContain("text");
    expect(Object.keys(doc)).not.toContain("storage_path");
    expect(body).not.toContain("uploads/ab/cdef");
    expect(body).not.toContain("Pejlemærke 1: Flere i job");
  });

  it("withholds an unsent answer, an unpublished response and a citizen's name given without consent", async () => {
    const org = await buildOrganisation();
    const r = await buildRegistry(org);
    const app = await buildTestApp(org);
    const draft = (await (await app.request(`/api/v1/inquiries/${r.inquiries[1]!.id}`)).json()) as {
      data: Row;
    };
    expect(draft.data).toMatchObject({ state: "drafting", answer: null });
    const all = await (await app.request("/api/v1/inquiries")).text();
    expect(all).not.toContain("Udkast til svar");
    expect(all).not.toContain("equalityGrounds");

    const [, citizen, unpublished] = r.hearingResponses;
    expect((await app.request(`/api/v1/hearing_responses/${unpublished!.id}`)).status).toBe(404);
    const responses = await (await app.request("/api/v1/hearing_responses")).text();
    expect(responses).not.toContain("Ikke offentliggjort endnu");
    expect(responses).not.toContain("Foreningen X");
    expect(responses).not.toContain("Anna Borger");
    const shown = (await (await app.request(`/api/v1/hearing_responses/${citizen!.id}`)).json()) as {
      data: Row;
    };
    expect(shown.data).toMatchObject({
      respondent_kind: "citizen",
      from_name: null,
      text: "Jeg savner fokus på ældre.",
    });
  });

  it("has no public route for candidates, users, sessions or the audit log", async () => {
    const app = await buildTestApp(await buildOrganisation());
    for (const path of [
      "users",
      "sessions",
      "audit_events",
      "audit",
      "role_assignments",
      "api_tokens",
      "settings",
    ]) {
      const res = await app.request(`/api/v1/${path}`);
      expect(res.status, path).toBe(404);
    }
    // The review queue is behind a token, never public.
    const candidates = await app.request("/api/v1/candidates");
    expect([401, 404]).toContain(candidates.status);
    expect(candidates.headers.get("cache-control")).not.toBe("public, max-age=60");
  });
});
