// A reporter writes with the initiative's description, its budget and last
// round's answer in view, in a text area as wide as the column.
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../../test/actors.ts";
import { buildTestApp } from "../../../../test/app.ts";
import {
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
} from "../../../../test/factories.ts";
import { roundOpener } from "../../../commands/rounds/roundOpener.ts";
import { roundStateChanger } from "../../../commands/rounds/roundStateChanger.ts";
import { statusReportSaver } from "../../../commands/rounds/statusReportSaver.ts";
import { budgetLines } from "../../../db/schema.ts";
import { roundAnswers } from "../../../queries/rounds/answers.ts";
import { AdminClient } from "../testkit.ts";

const nextYear = new Date().getUTCFullYear() + 1;

describe("the reporter's form", () => {
  it("shows the initiative's description and budget and last round's answer, with a wide narrative box", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, {
      title: "Ligestillingspolitik",
      periodStart: 2024,
      periodEnd: 2027,
    });
    const item = await buildInitiative(org, policy.id, {
      title: "Jobmentor",
      description: "Mentorer hjælper nyankomne i job.",
      administrationId: org.administrationIds.BIF,
    });
    await org.db.insert(budgetLines).values([
      { organisationId: org.organisationId, initiativeId: item.id, year: 2025, amountDkk: 750_000, fte: 1.5 },
      { organisationId: org.organisationId, initiativeId: item.id, year: null, amountDkk: 3_000_000 },
    ]);
    const coordinator = await buildActor(org, "coordinator");
    const reporter = await buildActor(org, "reporter", "BIF");
    const first = await roundOpener(coordinator.ctx, {
      policyId: policy.id,
      kind: "annual",
      period: "2024",
      deadline: `${nextYear}-01-15`,
      administrations: ["BIF"],
    });
    const [earlier] = await roundAnswers(reporter.ctx, first.id);
    await statusReportSaver(reporter.ctx, {
      id: earlier!.report.id,
      version: 1,
      rating: "at_risk",
      narrative: "Vi fandt færre mentorer end ventet.",
      numbers: { spendDkk: 600_000, fte: 1 },
      submit: true,
    });
    const review = await roundStateChanger(coordinator.ctx, {
      id: first.id,
      version: first.version,
      to: "in_review",
    });
    await roundStateChanger(coordinator.ctx, { id: first.id, version: review.version, to: "locked" });
    const second = await roundOpener(coordinator.ctx, {
      policyId: policy.id,
      kind: "annual",
      period: "2025",
      deadline: `${nextYear}-12-15`,
      administrations: ["BIF"],
    });
    const [current] = await roundAnswers(reporter.ctx, second.id);

    const login = await buildLoginUser(org, "reporter", { administrationCode: "BIF" });
    const client = new AdminClient(await buildTestApp(org));
    await client.login(login.email, login.password);
    const html = await (await client.get(`/admin/indmeldinger/${current!.report.id}`)).text();
    const context = html.slice(html.indexOf("Baggrund for svaret"), html.indexOf("Dit svar"));
    expect(context).toContain("Mentorer hjælper nyankomne i job.");
    expect(context).toContain("750.000 kr.");
    expect(context).toContain("1,5 årsværk");
    expect(context).toContain("Hele perioden 2024–2027");
    expect(context).toContain("3 mio. kr.");
    expect(context).toContain("Sidste svar");
    expect(context).toContain("Vi fandt færre mentorer end ventet.");
    expect(context).toContain("600.000 kr.");
    expect(context).toContain("I risiko");
    expect(html).toMatch(/<textarea id="narrative" name="narrative" class="form-input textarea-wide"/);
  });
});
