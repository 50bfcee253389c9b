// The public open-data package and hearing responses: unpublished ones are left
// out, a private person's name only with consent, attachments (which may name a
// private person) never listed, erased data gone.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import { csvRecords } from "../../../test/fixtures/datapackage/helpers.ts";
import { publicActor } from "../../context.ts";
import { hearingResponses, hearings } from "../../db/schema.ts";
import { buildDataPackage } from "../../opendata/export.ts";
import { checkAttachment } from "./attachment.ts";
import { publicResponseSubmitter } from "./publicResponseSubmitter.ts";
import { responseEraser } from "./responseEraser.ts";
import { responsePublisher } from "./responsePublisher.ts";
import { openHearing } from "./testkit.ts";

function rowsOf(files: Map<string, string>, name: string) {
  const [header, ...rows] = csvRecords(files.get(`${name}.csv`)!);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
}

describe("hearing responses in the public data package", () => {
  it("lists only published responses, hides names without consent and every attachment", async () => {
    const { org, hearing, coordinator } = await openHearing();
    const submit = async (name: string, consent: boolean, attachmentText?: string) =>
      publicResponseSubmitter(
        org.ctx(publicActor),
        {
          hearingId: hearing.id,
          respondentKind: "citizen",
          fromName: name,
          text: `Svar fra ${name}`,
          consentToPublishName: consent,
        },
        attachmentText
          ? { attachment: await checkAttachment(new TextEncoder().encode(attachmentText), 100_000) }
          : {},
      );
    const hidden = await submit("Ikke Offentlig", true);
    const anonymous = await submit("Uden Samtykke", false, "Bilag fra en borger med navn Uden Samtykke.");
    const named = await submit("Med Samtykke", true);
    for (const { id } of [anonymous, named])
      await responsePublisher(coordinator.ctx, { hearingId: hearing.id, responseId: id, published: true });

    let files = (await buildDataPackage(org.ctx())).files;
    const responses = rowsOf(files, "hearing_responses");
    expect(responses.map((r) => r.id).sort()).toEqual([anonymous.id, named.id].sort());
    expect(responses.find((r) => r.id === anonymous.id)).toMatchObject({
      from_name: "",
      attachment_document_id: "",
    });
    expect(responses.find((r) => r.id === named.id)!.from_name).toBe("Med Samtykke");
    expect(files.get("hearing_responses.csv")).not.toContain(hidden.id);
    expect(rowsOf(files, "documents").map((d) => d.kind)).not.toContain("hearing_attachment");

    await responseEraser(coordinator.ctx, { hearingId: hearing.id, responseId: named.id });
    files = (await buildDataPackage(org.ctx())).files;
    expect(files.get("hearing_responses.csv")).not.toContain("Med Samtykke");
  });

  it("never shows a published response's attachment as a public document page or API document", async () => {
    const { org, hearing, coordinator } = await openHearing();
    const response = await publicResponseSubmitter(
      org.ctx(publicActor),
      {
        hearingId: hearing.id,
        respondentKind: "citizen",
        fromName: "Bilag Borger",
        text: "Svar med bilag",
        consentToPublishName: true,
      },
      { attachment: await checkAttachment(new TextEncoder().encode("Bilag fra Bilag Borger."), 100_000) },
    );
    await responsePublisher(coordinator.ctx, {
      hearingId: hearing.id,
      responseId: response.id,
      published: true,
    });
    const [row] = await org.db
      .select({ id: hearingResponses.attachmentDocumentId })
      .from(hearingResponses)
      .where(eq(hearingResponses.id, response.id));
    const attachmentId = row!.id!;
    const app = await buildTestApp(org);
    expect((await app.request(`/dokumenter/${attachmentId}`)).status).toBe(404);
    expect((await app.request(`/api/v1/documents/${attachmentId}`)).status).toBe(404);
    const list = await (await app.request("/api/v1/documents?limit=100")).text();
    expect(list).not.toContain(attachmentId);
  });

  it("leaves out a hearing not yet opened, with its responses, as the portal and the API do", async () => {
    const { org, hearing } = await openHearing();
    await org.db
      .update(hearings)
      .set({ state: "draft", title: "Hemmelig kladdehøring", invited: ["Kladderådet"] })
      .where(eq(hearings.id, hearing.id));
    await org.db.insert(hearingResponses).values({
      organisationId: org.organisationId,
      hearingId: hearing.id,
      respondentKind: "organisation",
      fromName: "Tidlig forening",
      text: "Svar på en kladde",
      published: true,
    });
    const publicFiles = (await buildDataPackage(org.ctx())).files;
    expect(rowsOf(publicFiles, "hearings")).toEqual([]);
    expect(rowsOf(publicFiles, "hearing_responses")).toEqual([]);
    const full = (await buildDataPackage(org.ctx(), { audience: "full" })).files;
    expect(rowsOf(full, "hearings").map((h) => h.title)).toEqual(["Hemmelig kladdehøring"]);

    const app = await buildTestApp(org);
    for (const path of [
      "/data/hearings.csv",
      "/data/hearing_responses.csv",
      "/api/v1/hearings",
      "/api/v1/hearing_responses",
      `/api/v1/hearings/${hearing.id}`,
      "/hoeringer",
    ]) {
      const text = await (await app.request(path)).text();
      for (const secret of ["Hemmelig kladdehøring", "Kladderådet", "Tidlig forening"])
        expect(text, path).not.toContain(secret);
    }
  });
});
