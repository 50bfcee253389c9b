import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { hearingResponseRegistrar } from "../commands/hearings/hearingResponseRegistrar.ts";
import { publicResponseSubmitter } from "../commands/hearings/publicResponseSubmitter.ts";
import { responseCommenter } from "../commands/hearings/responseCommenter.ts";
import { openHearing } from "../commands/hearings/testkit.ts";
import { publicActor } from "../context.ts";
import { hearingDetail } from "../queries/hearings/hearings.ts";
import { responsesOf } from "../queries/hearings/responses.ts";
import { renderToString } from "../render.ts";
import { renderHearingSummaryDocx } from "./hearingSummaryDocx.ts";
import { HearingSummaryBody } from "./hearingSummaryHtml.tsx";
import { buildHearingSummary } from "./hearingSummaryModel.ts";

async function hearingWithResponses() {
  const h = await openHearing();
  const { org, hearing, job, homeless, coordinator } = h;
  // A citizen without consent, on both goals; an organisation on goal 2; a committee with general remarks.
  await publicResponseSubmitter(org.ctx(publicActor), {
    hearingId: hearing.id,
    respondentKind: "citizen",
    fromName: "Hemmelig Borgersen",
    text: "Husk <script>alert('x')</script> de unge.",
    sections: [job.id, homeless.id],
  });
  const org2 = await hearingResponseRegistrar(coordinator.ctx, {
    hearingId: hearing.id,
    respondentKind: "organisation",
    fromName: "Foreningen for Boliger",
    text: "Flere boliger til hjemløse.",
    sections: [homeless.id],
  });
  await hearingResponseRegistrar(coordinator.ctx, {
    hearingId: hearing.id,
    respondentKind: "committee",
    fromCommitteeCode: "SOU",
    text: "Udvalget bakker op.",
    sections: ["general"],
  });
  await responseCommenter(coordinator.ctx, {
    hearingId: hearing.id,
    responseId: org2.id,
    version: org2.version,
    comment: "Indarbejdet i mål 2.",
  });
  const detail = await hearingDetail(coordinator.ctx, hearing.id);
  const responses = await responsesOf(coordinator.ctx, hearing.id, { audience: "staff" });
  return { ...h, summary: buildHearingSummary(detail, responses) };
}

describe("hearing summary (høringsnotat)", () => {
  it("groups responses by goal in the policy's order, general remarks last, with counts", async () => {
    const { summary } = await hearingWithResponses();
    expect(summary.responseCount).toBe(3);
    expect(summary.sections.map((s) => [s.section, s.count])).toEqual([
      ["Mål 1: Flere i job", 1],
      ["Mål 2: Færre hjemløse borgere", 2],
      ["Generelle bemærkninger", 1],
    ]);
    const goal2 = summary.sections[1]!;
    expect(goal2.entries.map((e) => e.from)).toEqual([
      "Privatperson (navn ikke offentliggjort)",
      "Foreningen for Boliger",
    ]);
    expect(goal2.entries[1]!.comment).toBe("Indarbejdet i mål 2.");
    expect(summary.sections[2]!.entries[0]!.from).toBe("Socialudvalget");
    expect(JSON.stringify(summary)).not.toContain("Hemmelig");
  });

  it("escapes a response's HTML on the summary page", async () => {
    const { summary } = await hearingWithResponses();
    const html = await renderToString(HearingSummaryBody({ summary }));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("writes the same grouping to Word, with the comment column", async () => {
    const { summary } = await hearingWithResponses();
    const docx = await renderHearingSummaryDocx(summary);
    const xml = strFromU8(unzipSync(new Uint8Array(docx))["word/document.xml"]!);
    const text = xml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("Mål 2: Færre hjemløse borgere 2");
    expect(text).toContain("Forvaltningens kommentar");
    expect(text).toContain("Indarbejdet i mål 2.");
    expect(text).toContain("Foreningen for Boliger");
    expect(text).not.toContain("Hemmelig");
  });
});
