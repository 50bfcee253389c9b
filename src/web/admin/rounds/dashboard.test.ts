// The admin front page's view of status rounds: coordinators follow the open
// rounds, reporters see what they still have to write.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../../test/actors.ts";
import { buildTestApp, loggedInClient } from "../../../../test/app.ts";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../../../test/factories.ts";
import { roundOpener } from "../../../commands/rounds/roundOpener.ts";
import { statusReports, statusRounds } from "../../../db/schema.ts";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the dashboard's status rounds", () => {
  it("shows coordinators each open round's deadline, 'x af y indmeldt' and a late mark; reporters their open items", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "Ligestillingspolitik" });
    const bifA = await buildInitiative(org, policy.id, {
      title: "Jobmentor",
      administrationId: org.administrationIds.BIF,
    });
    await buildInitiative(org, policy.id, {
      title: "Lektiecafé",
      administrationId: org.administrationIds.BIF,
    });
    await buildInitiative(org, policy.id, {
      title: "Rådgivning",
      administrationId: org.administrationIds.SOF,
    });
    const { ctx } = await buildActor(org, "coordinator");
    const round = await roundOpener(ctx, {
      policyId: policy.id,
      kind: "annual",
      period: "2025",
      title: "Årsstatus 2025",
      deadline: "2099-01-31",
      administrations: ["BIF", "SOF"],
    });
    await org.db
      .update(statusReports)
      .set({ state: "submitted", rating: "on_track" })
      .where(eq(statusReports.initiativeId, bifA.id));
    const app = await buildTestApp(org);
    const coordinator = await loggedInClient(org, app, "coordinator");
    const reporter = await loggedInClient(org, app, "reporter", "BIF");

    await coordinator.get("/admin");
    let page = text(coordinator.lastHtml);
    expect(page).toContain("Åbne statusrunder");
    expect(coordinator.lastHtml).toContain(`href="/admin/runder/${round.id}"`);
    expect(page).toContain("31. januar 2099");
    expect(page).toContain("1 af 3 indmeldt");
    expect(page).not.toContain("Forsinket");

    await reporter.get("/admin");
    page = text(reporter.lastHtml);
    expect(page).toContain("1 indmelding for BIF i Årsstatus 2025");
    expect(page).not.toContain("Åbne statusrunder");

    // Past the deadline with answers missing: both see it marked late.
    await org.db.update(statusRounds).set({ deadline: "2020-01-31" }).where(eq(statusRounds.id, round.id));
    await coordinator.get("/admin");
    expect(text(coordinator.lastHtml)).toMatch(/31\. januar 2020 Forsinket/);
    await reporter.get("/admin");
    expect(text(reporter.lastHtml)).toMatch(
      /1 indmelding for BIF i Årsstatus 2025 \(frist 31\. januar 2020\) Forsinket/,
    );

    // A round in review is no longer open for answers and leaves the dashboard.
    await org.db.update(statusRounds).set({ state: "in_review" }).where(eq(statusRounds.id, round.id));
    await coordinator.get("/admin");
    expect(text(coordinator.lastHtml)).not.toContain("Åbne statusrunder");
  });
});
