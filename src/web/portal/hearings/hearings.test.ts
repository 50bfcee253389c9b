// The public hearing page and its response form through the app: the form token,
// the honeypot, the rate limit, size and type limits on attachments, escaping.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../../../test/db.ts";
import { buildOrganisation, type TestOrganisation } from "../../../../test/factories.ts";
import { buildApp } from "../../../app.ts";
import { hearingResponseRegistrar } from "../../../commands/hearings/hearingResponseRegistrar.ts";
import { hearingUpdater } from "../../../commands/hearings/hearingUpdater.ts";
import { MAX_SUBMISSIONS_PER_WINDOW } from "../../../commands/hearings/submissionCounter.ts";
import { openHearing } from "../../../commands/hearings/testkit.ts";
import { hearingResponses, outbox } from "../../../db/schema.ts";
import { createLogger } from "../../../logger.ts";
import { AdminClient } from "../../admin/testkit.ts";

async function appFor(org: TestOrganisation, address = "198.51.100.7", uploadLimitMb?: number) {
  const app = buildApp({
    database: await testDatabase(),
    organisation: { id: org.organisationId, name: "Testkommune" },
    logger: createLogger("silent"),
    secret: "test-secret-test-secret-test-secret",
    uploadLimitMb,
  });
  // A client address, as the Node server's socket would give it.
  const env = { incoming: { socket: { remoteAddress: address, remotePort: 1, remoteFamily: "IPv4" } } };
  return new AdminClient({ request: (input, init) => app.request(input, init, env) });
}

async function setUp(opts: { uploadLimitMb?: number; address?: string } = {}) {
  const h = await openHearing(await buildOrganisation());
  const client = await appFor(h.org, opts.address, opts.uploadLimitMb);
  return { ...h, client };
}

function tokenOf(html: string): string {
  const m = /name="_token" value="([^"]+)"/.exec(html);
  if (!m) throw new Error("no form token on the page");
  return m[1]!;
}

async function submit(
  client: AdminClient,
  hearingId: string,
  fields: Record<string, string | string[] | File>,
  opts: { token?: string | null } = {},
) {
  const page = await client.get(`/hoeringer/${hearingId}`);
  const html = await page.text();
  const token = opts.token === undefined ? tokenOf(html) : opts.token;
  const all: Record<string, string | string[] | File> = {
    respondentKind: "citizen",
    fromName: "Karen Borger",
    text: "Mit høringssvar.",
    ...fields,
  };
  if (token !== null) all._token = token;
  return client.post(`/hoeringer/${hearingId}`, all, { csrf: null, multipart: true });
}

const stored = (org: TestOrganisation, hearingId: string) =>
  org.db.select().from(hearingResponses).where(eq(hearingResponses.hearingId, hearingId));

describe("the public hearing page", () => {
  it("shows the draft, the goals and the form while open, and takes a response (PRG, receipt)", async () => {
    const { org, hearing, job, client } = await setUp();
    const page = await client.get(`/hoeringer/${hearing.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Mål 2: Færre hjemløse borgere");
    // Numbered once: by the goal's own label, not again by an ordered list ("1. Mål 1: …").
    expect(html).toMatch(/<ul class="nobullet-list hearing-goals"><li>Mål 1: /);
    expect(html).toContain("Afgiv høringssvar");
    expect(html).toContain('name="website"');
    const res = await submit(client, hearing.id, {
      contactEmail: "karen@example.dk",
      sections: [job.id, "general"],
      consent: "yes",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/hoeringer/${hearing.id}/tak`);
    const rows = await stored(org, hearing.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ published: false, consentToPublishName: true, fromName: "Karen Borger" });
    expect(rows[0]!.goalsChosen).toEqual(["Mål 1: Flere i job", "Generelle bemærkninger"]);
    const mails = await org.db.select().from(outbox).where(eq(outbox.organisationId, org.organisationId));
    expect(mails.map((m) => [m.to, m.kind])).toEqual([["karen@example.dk", "receipt"]]);
    // Unpublished: not on the public page.
    expect(await (await client.get(`/hoeringer/${hearing.id}`)).text()).not.toContain("Mit høringssvar.");
  });

  it("refuses a post without the form token, and one from another site", async () => {
    const { org, hearing, client } = await setUp();
    expect((await submit(client, hearing.id, {}, { token: null })).status).toBe(403);
    await client.get(`/hoeringer/${hearing.id}`);
    const token = tokenOf(client.lastHtml);
    const res = await client.post(
      `/hoeringer/${hearing.id}`,
      { _token: token, respondentKind: "citizen", fromName: "A", text: "B" },
      { csrf: null, multipart: true, origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(await stored(org, hearing.id)).toHaveLength(0);
  });

  it("answers a filled honeypot like a success but stores nothing", async () => {
    const { org, hearing, client } = await setUp();
    const res = await submit(client, hearing.id, { website: "http://spam.example" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/hoeringer/${hearing.id}/tak`);
    expect(await stored(org, hearing.id)).toHaveLength(0);
  });

  it("shows Danish field errors and keeps what was typed, escaped", async () => {
    const { org, hearing, client } = await setUp();
    const res = await submit(client, hearing.id, {
      fromName: "",
      text: "<b>fed</b>",
      contactEmail: "ikke-en-mail",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("<title>Fejl: ");
    expect(html).toContain("Skriv dit navn eller din organisations navn.");
    expect(html).toContain("Skriv en gyldig e-mailadresse");
    expect(html).toContain("&lt;b&gt;fed&lt;/b&gt;");
    expect(await stored(org, hearing.id)).toHaveLength(0);
  });

  it("limits submissions per client address: then 429 with a Danish page", async () => {
    const { org, hearing, client } = await setUp({ address: "192.0.2.99" });
    for (let i = 0; i < MAX_SUBMISSIONS_PER_WINDOW; i++)
      expect((await submit(client, hearing.id, { text: "" })).status).toBe(400);
    const res = await submit(client, hearing.id, {});
    expect(res.status).toBe(429);
    expect(await res.text()).toContain("For mange høringssvar");
    expect(await stored(org, hearing.id)).toHaveLength(0);
    // Another address is not affected.
    const other = await appFor(org, "192.0.2.100");
    expect((await submit(other, hearing.id, {})).status).toBe(303);
  });

  it("refuses an oversized attachment (413) and a binary named as a PDF (400), storing nothing", async () => {
    const { org, hearing, client } = await setUp({ uploadLimitMb: 0.05 });
    const big = new File([new Uint8Array(200 * 1024).fill(65)], "stort.txt", { type: "text/plain" });
    const tooBig = await submit(client, hearing.id, { attachment: big });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain("MB");
    const justOver = new File([new Uint8Array(60 * 1024).fill(65)], "lidt-for-stort.txt", {
      type: "text/plain",
    });
    const over = await submit(client, hearing.id, { attachment: justOver });
    expect(over.status).toBe(413);
    expect(await over.text()).toContain("Bilaget er for stort");
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const fake = new File([png], "svar.pdf", { type: "application/pdf" });
    const refused = await submit(client, hearing.id, { attachment: fake });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Bilaget kan ikke læses");
    expect(await stored(org, hearing.id)).toHaveLength(0);
    const ok = await submit(client, hearing.id, {
      attachment: new File(["Bilag i ren tekst."], "bilag.txt", { type: "text/plain" }),
    });
    expect(ok.status).toBe(303);
    const [row] = await stored(org, hearing.id);
    expect(row!.attachmentDocumentId).not.toBeNull();
  });

  it("shows published responses escaped, a private person's name only with consent", async () => {
    const { hearing, coordinator, client } = await setUp();
    for (const [name, consent] of [
      ["Anonym Andersen", false],
      ["Synlig Sørensen", true],
    ] as const)
      await hearingResponseRegistrar(coordinator.ctx, {
        hearingId: hearing.id,
        respondentKind: "citizen",
        fromName: name,
        consentToPublishName: consent,
        text: `Svar fra ${name} <img src=x onerror=alert(1)>`,
        published: true,
      });
    const html = await (await client.get(`/hoeringer/${hearing.id}`)).text();
    expect(html).toContain("Synlig Sørensen");
    expect(html).not.toContain("Anonym Andersen</h3>");
    expect(html).toContain("Privatperson (navn ikke offentliggjort)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x");
  });

  it("says the hearing is over when it has closed, without a form; a draft hearing is not public", async () => {
    // Through the command, as the admin does: the portal's render cache is told of the change.
    const { hearing, coordinator, client } = await setUp();
    const closed = await hearingUpdater(coordinator.ctx, {
      hearingId: hearing.id,
      version: hearing.version,
      state: "closed",
    });
    const html = await (await client.get(`/hoeringer/${hearing.id}`)).text();
    expect(html).toContain("Høringen er afsluttet");
    expect(html).not.toContain("Afgiv høringssvar");
    await hearingUpdater(coordinator.ctx, { hearingId: hearing.id, version: closed.version, state: "draft" });
    expect((await client.get(`/hoeringer/${hearing.id}`)).status).toBe(404);
  });
});
