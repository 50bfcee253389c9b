import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/app.ts";
import {
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../../../../test/factories.ts";
import { budgetLines, documents, inquiries } from "../../../db/schema.ts";
import { AdminClient } from "../testkit.ts";

async function loggedIn(org: TestOrganisation, role: "coordinator" | "viewer" | "reporter" = "coordinator") {
  const { email, password } = await buildLoginUser(org, role, {
    administrationCode: role === "reporter" ? "SOF" : undefined,
  });
  const app = await buildTestApp(org);
  const client = new AdminClient(app);
  await client.login(email, password);
  return { client, app };
}

const FORM = {
  askedBy: "Badar Shah",
  askedOn: "2020-11-11",
  dueOn: "",
  questions:
    "Hvilke konkrete ligestillingsindsatser foretager Socialforvaltningen?\nHvor mange midler (kroner og årsværk) bruges om året på ligestilling for LGBTI-personer og personer med handicap?",
  administrations: ["SOF"],
  caseNumber: "2020-0857002",
  documentNumber: "2020-0857002-5",
};

const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

describe("inquiries in the admin", () => {
  it("registers, drafts from the registry, edits, approves, sends, downloads the letter; the portal shows it only when sent", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "LGBTI+-politik", periodStart: 2019, periodEnd: 2023 });
    const a = await buildInitiative(org, policy.id, {
      title: "Seksualvejledere",
      equalityGrounds: ["disability"],
    });
    await buildInitiative(org, policy.id, { title: "Uden penge", equalityGrounds: ["sexual_orientation"] });
    await org.db.insert(budgetLines).values([
      { organisationId: org.organisationId, initiativeId: a.id, year: 2020, amountDkk: 300_000, fte: 0.5 },
      { organisationId: org.organisationId, initiativeId: a.id, year: 2020, amountDkk: 50_000, fte: 0.25 },
    ]);
    const { client, app } = await loggedIn(org);

    await client.get("/admin/spoergsmaal/nyt");
    const bad = await client.post("/admin/spoergsmaal/nyt", { ...FORM, askedBy: "", questions: " " });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("<title>Fejl: Registrér spørgsmål");
    expect(badHtml).toContain("Skriv, hvem der har stillet spørgsmålet.");
    expect(badHtml).toContain("Skriv mindst ét spørgsmål.");
    expect(await org.db.select().from(inquiries)).not.toContainEqual(
      expect.objectContaining({ organisationId: org.organisationId }),
    );

    const created = await client.post("/admin/spoergsmaal/nyt", FORM);
    expect(created.status).toBe(303);
    const path = created.headers.get("location")!.split("?")[0]!;
    await client.get(created.headers.get("location")!);
    let html = client.lastHtml;
    expect(html).toContain("Spørgsmålet er registreret.");
    expect(html).toContain("25. november 2020"); // 10 working days after 11 November 2020
    // The proposal from the question's words is pre-selected.
    expect(html).toMatch(/value="disability"[^>]*checked/);
    expect(html).toMatch(/value="sexual_orientation"[^>]*checked/);
    expect(html).not.toMatch(/value="age"[^>]*checked/);
    expect(html).toMatch(/value="SOF"[^>]*checked/);

    // Not sent: not on the portal, neither in the list nor by its address.
    await client.get("/spoergsmaal");
    expect(client.lastHtml).not.toContain("Badar Shah");
    expect((await client.get(path.replace("/admin", ""))).status).toBe(404);

    await client.get(path);
    const drafted = await client.post(`${path}/udkast`, {
      version: version(client.lastHtml),
      grund: ["disability", "sexual_orientation"],
      forvaltning: ["SOF"],
      aar: ["2020"],
    });
    expect(drafted.status).toBe(303);
    await client.get(path);
    html = client.lastHtml;
    expect(html).toContain("I alt 2020");
    expect(html).toContain("350.000 kr.");
    expect(html).toContain("0,75 årsværk");
    expect(html).toContain("1 af 2 initiativer har ingen registreret økonomi.");
    expect(html).toContain("Kilder: LGBTI+-politik (2019–2023)");

    const v = version(/action="[^"]*\/svar"[\s\S]*?name="version" value="\d+"/.exec(html)![0]);
    expect(
      (await client.post(`${path}/svar`, { version: v, answer: "Kære Badar Shah\n\nSvaret." })).status,
    ).toBe(303);
    // The same version again: someone saved first; the user's text is kept.
    await client.get(path);
    const stale = await client.post(`${path}/svar`, { version: v, answer: "Min tekst" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toMatch(/En anden har gemt først[\s\S]*Min tekst/);

    await client.get(path);
    expect((await client.post(`${path}/godkend`, { version: version(client.lastHtml) })).status).toBe(303);
    await client.get(path);
    expect(client.lastHtml).not.toContain('id="answer"'); // frozen: no editor
    // A crafted post of the frozen text is refused in words, and nothing changes.
    const frozen = await client.post(`${path}/svar`, { version: version(client.lastHtml), answer: "Ændret" });
    expect(frozen.status).toBe(409);
    expect(await frozen.text()).toContain(
      "Svaret er godkendt og kan ikke ændres. Genåbn det for at rette det.",
    );
    await client.get(path);
    const sent = await client.post(`${path}/sendt`, {
      version: version(client.lastHtml),
      answeredOn: "2020-11-20",
      signedBy: "Mikkel Boje",
    });
    expect(sent.status).toBe(303);

    const docx = await client.get(`${path}/brev.docx`);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    expect(docx.headers.get("content-disposition")).toContain("svar-2020-0857002-5.docx");
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))["word/document.xml"]!);
    expect(xml).toContain("Sagsnummer 2020-0857002");
    expect(xml).toContain("350.000 kr.");

    const list = await app.request("/spoergsmaal");
    const listHtml = await list.text();
    expect(listHtml).toContain("Spørgsmål fra Badar Shah");
    const id = path.split("/").pop()!;
    const page = await (await app.request(`/spoergsmaal/${id}`)).text();
    expect(page).toContain("Svaret.");
    expect(page).toContain("350.000 kr.");
  });

  it("lists inquiries with overdue ones said in words, filters by state", async () => {
    const org = await buildOrganisation();
    const [doc] = await org.db
      .insert(documents)
      .values({
        organisationId: org.organisationId,
        filename: "svar.txt",
        mediaType: "text/plain",
        sha256: `${"0".repeat(56)}${org.organisationId.slice(0, 8)}`,
        size: 10,
        text: "Svar",
      })
      .returning();
    await org.db.insert(inquiries).values([
      {
        organisationId: org.organisationId,
        askedBy: "Sen Spørger",
        askedOn: "2020-01-02",
        dueOn: "2020-01-16",
      },
      {
        organisationId: org.organisationId,
        askedBy: "Besvaret Spørger",
        askedOn: "2020-01-02",
        dueOn: "2020-01-16",
        state: "sent",
        documentId: doc!.id,
      },
    ]);
    const { client } = await loggedIn(org);
    await client.get("/admin/spoergsmaal");
    const html = client.lastHtml;
    // Open inquiries first; the overdue one says so in its row.
    expect(html).toMatch(/Sen Spørger<\/a><\/th>(?:(?!<\/tr>)[\s\S])*Overskredet[\s\S]*Besvaret Spørger/);
    expect(html.match(/Overskredet/g)).toHaveLength(1);
    expect(html).toContain("1 spørgsmål har passeret svarfristen");
    await client.get("/admin/spoergsmaal?tilstand=sent");
    // The importer's row (from an answer letter) is listed with its source.
    expect(client.lastHtml).toMatch(/Besvaret Spørger[\s\S]*Importeret brev/);
    expect(client.lastHtml).not.toContain("Sen Spørger");
  });

  it("lets a viewer read but not register; a reporter does not see inquiries", async () => {
    const org = await buildOrganisation();
    const viewer = await loggedIn(org, "viewer");
    expect((await viewer.client.get("/admin/spoergsmaal")).status).toBe(200);
    expect(viewer.client.lastHtml).not.toContain("Registrér spørgsmål");
    expect((await viewer.client.get("/admin/spoergsmaal/nyt")).status).toBe(403);
    await viewer.client.get("/admin/spoergsmaal");
    expect((await viewer.client.post("/admin/spoergsmaal/nyt", FORM)).status).toBe(403);
    const reporter = await loggedIn(org, "reporter");
    expect((await reporter.client.get("/admin/spoergsmaal")).status).toBe(404);
    expect(await org.db.select().from(inquiries)).not.toContainEqual(
      expect.objectContaining({ organisationId: org.organisationId }),
    );
  });
});
