import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/app.ts";
import { buildLoginUser, buildOrganisation } from "../../../../test/factories.ts";
import { recordAudit } from "../../../commands/audit.ts";
import { inTransaction } from "../../../context.ts";
import { AdminClient } from "../testkit.ts";

describe("the audit log page", () => {
  it("lists logins and changes, filters by action, pages, and exports the selection as CSV with formulas defused", async () => {
    const org = await buildOrganisation();
    const { email, password, ctx } = await buildLoginUser(org, "admin");
    await inTransaction(ctx, async (tx) => {
      for (let i = 0; i < 55; i++)
        await recordAudit(tx, {
          action: "initiative.update",
          entity: "initiative",
          after: { title: `Titel ${i}` },
        });
      await recordAudit(tx, { action: "=HYPERLINK(1)", entity: "initiative" });
    });
    const client = new AdminClient(await buildTestApp(org));
    await client.login(email, password);
    const page = await client.get("/admin/log?handling=initiative");
    expect(page.status).toBe(200);
    expect(client.lastHtml).toContain("55 hændelser, side 1 af 2");
    expect(client.lastHtml).not.toContain("<td>Logget ind</td>");
    // Danish action and field names and plain values, never the raw keys or JSON.
    expect(client.lastHtml).toContain("<td>Initiativ ændret</td>");
    expect(client.lastHtml).toMatch(/<span class="audit-field">Titel:<\/span> Titel \d+<\/li>/);
    expect(client.lastHtml).not.toContain("initiative.update");
    expect(client.lastHtml).not.toContain("{&quot;");
    expect(client.lastHtml).toContain('<div class="audit-log">');
    const logins = await client.get("/admin/log?handling=user.login");
    expect(logins.status).toBe(200);
    expect(client.lastHtml).toContain("<td>Logget ind</td>");
    expect(client.lastHtml).toContain("<caption>1 hændelser</caption>");

    const csv = await client.get("/admin/log.csv?slags=initiative");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets then read æøå right
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("tidspunkt,bruger,handling,element,element_id,foer,efter");
    expect(lines).toHaveLength(57);
    expect(text).toContain(`"{""title"":""Titel 0""}"`);
    // A cell that would start a formula in a spreadsheet is prefixed.
    expect(text).toContain(",'=HYPERLINK(1),");
    expect(text).not.toMatch(/,=HYPERLINK/);
  });

  it("refuses an invalid date filter with a Danish message", async () => {
    const org = await buildOrganisation();
    const { email, password } = await buildLoginUser(org, "coordinator");
    const client = new AdminClient(await buildTestApp(org));
    await client.login(email, password);
    const res = await client.get("/admin/log?fra=igaar");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Datoer skrives som åååå-mm-dd");
  });
});
