import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import { buildOrganisation } from "../../../test/factories.ts";
import { inquiries } from "../../db/schema.ts";

describe("answered inquiries on the portal", () => {
  it("lists and shows sent answers only, escaped; drafts and approved texts are not found", async () => {
    const org = await buildOrganisation();
    const base = {
      organisationId: org.organisationId,
      askedOn: "2020-11-11",
      questions: ["Hvad koster det?"],
    };
    const [sent, drafting, approved] = await org.db
      .insert(inquiries)
      .values([
        {
          ...base,
          askedBy: "Badar Shah",
          state: "sent",
          answeredOn: "2020-11-20",
          answer: "Svar <script>x</script>\nLinje 2",
        },
        { ...base, askedBy: "Kladde Person", state: "drafting", answer: "Hemmeligt udkast" },
        { ...base, askedBy: "Godkendt Person", state: "approved", answer: "Ikke sendt endnu" },
      ])
      .returning();
    const app = await buildTestApp(org);
    const list = await (await app.request("/spoergsmaal")).text();
    expect(list).toContain("Spørgsmål fra Badar Shah");
    expect(list).toContain("besvaret 20. november 2020");
    expect(list).not.toContain("Kladde Person");
    expect(list).not.toContain("Godkendt Person");
    const page = await app.request(`/spoergsmaal/${sent!.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Svar &lt;script&gt;x&lt;/script&gt;<br/>Linje 2");
    expect(html).not.toContain("<script>x</script>");
    for (const hidden of [drafting!.id, approved!.id, "ikke-et-id"])
      expect((await app.request(`/spoergsmaal/${hidden}`)).status).toBe(404);
  });
});
