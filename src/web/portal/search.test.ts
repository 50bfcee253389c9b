// Search (Danish full text, ranked, highlighted and escaped, suggestions), the
// document page with marked sources, and the render cache (a write shows at
// once; ETag/304).
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import {
  buildGoal,
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../../../test/factories.ts";
import { initiativeUpdater } from "../../commands/initiativeUpdater.ts";
import { documents, provenance } from "../../db/schema.ts";
import { bumpGeneration } from "../../queries/generation.ts";
import { editDistance, headlineToHtml, START_SEL, STOP_SEL } from "../../queries/search.ts";

async function get(org: TestOrganisation, path: string) {
  const res = await (await buildTestApp(org)).request(path);
  return { res, html: await res.text() };
}

describe("search", () => {
  it("finds Danish word forms, groups by kind, highlights and escapes", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "Beskæftigelsespolitik" });
    await buildGoal(org, policy.id, { text: "Flere københavnere i job" });
    await buildInitiative(org, policy.id, {
      title: "Jobformidling <b>for</b> københavneren",
      description: "Virksomhedsrettet indsats & jobs til ledige",
    });
    const { res, html } = await get(org, "/soeg?q=k%C3%B8benhavneren%20job");
    expect(res.status).toBe(200);
    expect(html).toContain('id="hits-initiative"');
    expect(html).toContain('id="hits-goal"');
    expect(html).toMatch(/<mark>københavner(e|en)<\/mark>/);
    expect(html).toContain("&lt;b&gt;for&lt;/b&gt;");
    expect(html).not.toContain("<b>for</b>");
  });

  it("leads from the best 20 to every hit of a kind, page by page", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "Sportspolitik" });
    for (let i = 1; i <= 45; i++)
      await buildInitiative(org, policy.id, { title: `Idrætsforløb nummer ${i}` });
    const overview = await get(org, "/soeg?q=idr%C3%A6tsforl%C3%B8b");
    expect(overview.html).toContain("De 20 bedste vises.");
    expect(overview.html).toContain('href="/soeg?q=idr%C3%A6tsforl%C3%B8b&amp;type=initiative"');
    const third = await get(org, "/soeg?q=idr%C3%A6tsforl%C3%B8b&type=initiative&side=3");
    expect(third.res.status).toBe(200);
    expect(third.html).toContain("Viser 41–45 af 45. Side 3 af 3.");
    expect(third.html.match(/<li><a href="\/initiativer\//g)).toHaveLength(5);
    expect(third.html).toContain("Forrige side");
    expect(third.html).not.toContain("Næste side");
    expect(third.html).not.toContain('id="hits-goal"');
    const beyond = await get(org, "/soeg?q=idr%C3%A6tsforl%C3%B8b&type=initiative&side=9");
    expect(beyond.res.status).toBe(200);
  });

  it("lists hits tied on rank and title by id, on the overview and the kind's page", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "Integrationspolitik" });
    // The larger id written first, so the table's own order is not the ids' order.
    const [low, high] = [crypto.randomUUID(), crypto.randomUUID()].sort();
    await buildGoal(org, policy.id, { id: high!, text: "Flere iværksættere blandt minoriteter" });
    await buildGoal(org, policy.id, { id: low!, text: "Flere iværksættere blandt minoriteter" });
    for (const path of ["/soeg?q=iv%C3%A6rks%C3%A6ttere", "/soeg?q=iv%C3%A6rks%C3%A6ttere&type=goal"]) {
      const { html } = await get(org, path);
      const goals = [...html.matchAll(/#maal-([0-9a-f-]+)"/g)].map((m) => m[1]);
      expect(goals, path).toEqual([low, high]);
    }
  });

  it("finds a compound word by its first part (Danish compounds)", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "Handicappolitik" });
    const { html } = await get(org, "/soeg?q=handicap");
    expect(html).toContain('id="hits-policy"');
    expect(html).toContain(`href="/politikker/${policy.slug}"`);
    expect(html).toContain("<mark>Handicappolitik</mark>");
  });

  it("suggests a spelling from the registry's own words when nothing is found", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "Handicappolitik" });
    await buildInitiative(org, policy.id, { title: "Tilgængelighed i idrætshaller" });
    const { html } = await get(org, "/soeg?q=tilgngelighed");
    expect(html).toContain("Ingen resultater");
    expect(html).toContain("Mente du");
    expect(html).toContain('href="/soeg?q=tilg%C3%A6ngelighed"');
  });

  it("offers no spelling that would find nothing either (a word the search leaves out)", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "Handicappolitik" });
    // "efter" is a Danish stop word: it is among the registry's words, but no search finds it.
    await buildInitiative(org, policy.id, { title: "Tilgængelighed efter behov" });
    const { html } = await get(org, "/soeg?q=eftre");
    expect(html).toContain("Ingen resultater");
    expect(html).not.toContain("Mente du");
    // A slip in a word the search does find is still corrected.
    expect((await get(org, "/soeg?q=bheov")).html).toContain('href="/soeg?q=behov"');
  });

  it("answers an empty or too long query with a helpful text, not an error", async () => {
    const org = await buildOrganisation();
    const empty = await get(org, "/soeg?q=%20");
    expect(empty.res.status).toBe(200);
    expect(empty.html).toContain("Skriv et eller flere ord");
    const long = await get(org, `/soeg?q=${"a".repeat(500)}`);
    expect(long.res.status).toBe(200);
    expect(long.html).toContain("Søgningen er for lang");
    const odd = await get(org, "/soeg?q=%22%20%26%20%7C%20!%20(");
    expect(odd.res.status).toBe(200);
  });

  it("turns only its own markers into <mark>, whatever the text holds", () => {
    expect(headlineToHtml(`a <i> ${START_SEL}ord${STOP_SEL} & "x"`)).toBe(
      "a &lt;i&gt; <mark>ord</mark> &amp; &quot;x&quot;",
    );
    expect(headlineToHtml(`${START_SEL}åben`)).toBe("<mark>åben</mark>");
    expect(editDistance("handicp", "handicap")).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
});

describe("document page", () => {
  it("shows the text with each quoted span marked, so a source link can land on it", async () => {
    const org = await buildOrganisation();
    const text = "Indledning. Målet er 70 pct. i 2027. <script>x</script> Slut.";
    const [doc] = await org.db
      .insert(documents)
      .values({
        organisationId: org.organisationId,
        filename: "politik.txt",
        mediaType: "text/plain",
        sha256: "a".repeat(64),
        size: text.length,
        title: "Politikken",
        text,
      })
      .returning();
    const policy = await buildPolicy(org, { documentId: doc!.id });
    const start = text.indexOf("70 pct.");
    const [src] = await org.db
      .insert(provenance)
      .values({
        organisationId: org.organisationId,
        entity: "policy",
        entityId: policy.id,
        field: "title",
        documentId: doc!.id,
        start,
        end: start + 7,
        quote: "70 pct.",
      })
      .returning();
    const page = await get(org, `/dokumenter/${doc!.id}`);
    expect(page.html).toContain(`<mark id="k-${src!.id}">70 pct.</mark>`);
    expect(page.html).toContain("&lt;script&gt;x&lt;/script&gt;");
    const policyPage = await get(org, `/politikker/${policy.slug}`);
    expect(policyPage.html).toContain(`href="/dokumenter/${doc!.id}#k-${src!.id}"`);
  });
});

describe("render cache", () => {
  it("shows a new status at once after a write, and answers a matching ETag with 304", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const initiative = await buildInitiative(org, policy.id, { title: "Mentorordning", status: "planned" });
    const app = await buildTestApp(org);
    const first = await app.request(`/initiativer/${initiative.id}`);
    expect(await first.text()).toContain("Planlagt");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const again = await app.request(`/initiativer/${initiative.id}`, { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);

    await initiativeUpdater(org.ctx(), {
      id: initiative.id,
      version: initiative.version,
      status: "completed",
    });
    bumpGeneration(org.organisationId);

    const after = await app.request(`/initiativer/${initiative.id}`, { headers: { "If-None-Match": etag! } });
    expect(after.status).toBe(200);
    const html = await after.text();
    expect(html).toContain("Afsluttet");
    expect(html).not.toContain("Planlagt");
  });
});
