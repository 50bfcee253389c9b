// The hearing admin through the app: a coordinator opens a hearing with the form,
// registers, publishes, comments on and erases a response, and reads the summary
// as HTML and Word; viewers and reporters cannot manage.
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/app.ts";
import {
  buildGoal,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../../../../test/factories.ts";
import { draftDocument } from "../../../commands/hearings/testkit.ts";
import { auditEvents, hearingResponses, hearings } from "../../../db/schema.ts";
import { AdminClient } from "../testkit.ts";

async function loggedIn(org: TestOrganisation, role: "coordinator" | "viewer" | "reporter") {
  const { email, password } = await buildLoginUser(
    org,
    role,
    role === "reporter" ? { administrationCode: "SOF" } : {},
  );
  const client = new AdminClient(await buildTestApp(org));
  await client.login(email, password);
  return client;
}

describe("hearings in the admin", () => {
  it("coordinator: open, register, publish, comment, erase, summary and diff", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "Udkast til inklusionspolitik" });
    const goal = await buildGoal(org, policy.id, { number: "1", text: "Flere i job" });
    const draft = await draftDocument(org, "Indledning\nMål 1: Flere i job\nAfslutning");
    const adopted = await draftDocument(
      org,
      "Indledning\nMål 1: Flere i job inden 2030\nAfslutning",
      "Vedtaget",
    );
    const client = await loggedIn(org, "coordinator");

    await client.get("/admin/hoeringer/ny");
    const bad = await client.post("/admin/hoeringer/ny", {
      policyId: policy.id,
      draftDocumentId: draft.id,
      title: "H",
      opensOn: "2025-03-01",
      closesOn: "2025-02-01",
    });
    expect(bad.status).toBe(400);
    expect(client.lastHtml).toContain("<title>Fejl: ");
    expect(client.lastHtml).toContain("Skriv en høringsfrist, der ikke er før høringen åbner.");

    const opened = await client.post("/admin/hoeringer/ny", {
      policyId: policy.id,
      draftDocumentId: draft.id,
      title: "Høring om inklusion",
      opensOn: "2025-01-01",
      closesOn: "2099-01-01",
      committees: ["SOU", "BIU"],
      others: "Handicaprådet\nIntegrationsrådet",
    });
    expect(opened.status).toBe(303);
    const url = opened.headers.get("location")!.split("?")[0]!;
    const [hearing] = await org.db
      .select()
      .from(hearings)
      .where(eq(hearings.organisationId, org.organisationId));
    expect(hearing!.invited).toEqual([
      "Socialudvalget",
      "Beskæftigelses- og Integrationsudvalget",
      "Handicaprådet",
      "Integrationsrådet",
    ]);

    await client.get(`${url}/svar/ny`);
    const registered = await client.post(`${url}/svar/ny`, {
      respondentKind: "citizen",
      fromName: "Bo Borger",
      text: "Husk <em>alle</em>.",
      sections: [goal.id],
    });
    expect(registered.status).toBe(303);
    const [response] = await org.db
      .select()
      .from(hearingResponses)
      .where(eq(hearingResponses.hearingId, hearing!.id));
    const rUrl = `${url}/svar/${response!.id}`;
    await client.get(rUrl);
    expect((await client.post(`${rUrl}/offentliggoer`, { published: "yes" })).status).toBe(303);
    await client.get(rUrl);
    expect(
      (await client.post(`${rUrl}/kommentar`, { version: "2", comment: "Indgår i mål 1." })).status,
    ).toBe(303);

    const summary = await client.get(`${url}/notat`);
    const html = await summary.text();
    expect(html).toContain("Indgår i mål 1.");
    expect(html).toContain("&lt;em&gt;alle&lt;/em&gt;");
    expect(html).not.toContain("Bo Borger");
    const docx = await client.get(`${url}/notat.docx`);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))["word/document.xml"]!);
    expect(xml).toContain("Indgår i mål 1.");

    await client.get(rUrl);
    expect((await client.post(`${rUrl}/slet-persondata`, {})).status).toBe(400);
    expect((await client.post(`${rUrl}/slet-persondata`, { confirm: "yes" })).status).toBe(303);
    const [erased] = await org.db
      .select()
      .from(hearingResponses)
      .where(eq(hearingResponses.id, response!.id));
    expect(erased!.fromName).toBeNull();
    expect(erased!.erasedAt).not.toBeNull();
    const audits = await org.db.select().from(auditEvents).where(eq(auditEvents.entityId, response!.id));
    expect(audits.map((a) => a.action)).toContain("hearing_response.erase");

    await client.get(url);
    expect(
      (
        await client.post(`${url}/opdater`, {
          version: String(hearing!.version),
          state: "closed",
          adoptedDocumentId: adopted.id,
        })
      ).status,
    ).toBe(303);
    const diff = await (await client.get(`${url}/forskelle`)).text();
    expect(diff).toContain("1 afsnit tilføjet, 1 afsnit fjernet");
    expect(diff).toContain("<ins>Mål 1: Flere i job inden 2030</ins>");
  });

  it("a viewer reads but cannot manage; a reporter does not see hearings", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const draft = await draftDocument(org, "Udkast");
    const [hearing] = await org.db
      .insert(hearings)
      .values({
        organisationId: org.organisationId,
        policyId: policy.id,
        draftDocumentId: draft.id,
        title: "Høring",
        state: "open",
      })
      .returning();
    const viewer = await loggedIn(org, "viewer");
    expect((await viewer.get("/admin/hoeringer")).status).toBe(200);
    expect(viewer.lastHtml).not.toContain("Åbn en høring");
    await viewer.get(`/admin/hoeringer/${hearing!.id}`);
    const post = await viewer.post(`/admin/hoeringer/${hearing!.id}/svar/ny`, {
      respondentKind: "organisation",
      fromName: "X",
      text: "Y",
    });
    expect(post.status).toBe(403);
    const reporter = await loggedIn(org, "reporter");
    expect((await reporter.get("/admin/hoeringer")).status).toBe(404);
    expect(
      await org.db.select().from(hearingResponses).where(eq(hearingResponses.hearingId, hearing!.id)),
    ).toHaveLength(0);
  });
});
