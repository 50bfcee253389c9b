// The round board for a committee's coordinator: administrations without a
// reporter are named (with a way to add one), reminders say who they could not
// reach, and the deadline column shows the date.
import { describe, expect, it } from "vitest";
import { buildTestApp, loggedInClient } from "../../../../test/app.ts";
import {
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
} from "../../../../test/factories.ts";
import { formatDanishDate } from "../../../domain/danishDate.ts";

const deadline = `${new Date().getUTCFullYear() + 1}-01-31`;

async function setup() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org, { title: "Ligestillingspolitik" });
  for (const code of ["BIF", "SOF", "BUF"])
    await buildInitiative(org, policy.id, {
      title: `Initiativ ${code}`,
      administrationId: org.administrationIds[code],
    });
  await buildLoginUser(org, "reporter", { administrationCode: "BIF" });
  const app = await buildTestApp(org);
  const coordinator = await loggedInClient(org, app, "coordinator");
  await coordinator.get("/admin/runder/ny");
  const res = await coordinator.post("/admin/runder/ny", {
    policyId: policy.id,
    kind: "annual",
    period: "2025",
    deadline,
    administrations: ["BIF", "SOF", "BUF"],
    reminderDaysBefore: "5",
  });
  const roundId = /\/admin\/runder\/([0-9a-f-]{36})/.exec(res.headers.get("location")!)![1]!;
  return { org, app, coordinator, roundId };
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("round board and reporters", () => {
  it("warns about administrations without a reporter, shows the deadline date, and says whom a reminder missed", async () => {
    const s = await setup();
    const board = text(await (await s.coordinator.get(`/admin/runder/${s.roundId}`)).text());
    expect(board).toContain("2 forvaltninger har ingen indberetter Uden en indberetter kan ingen svare");
    expect(board).toContain("Børne- og Ungdomsforvaltningen (BUF)");
    expect(board).toContain("Socialforvaltningen (SOF)");
    expect(board).toContain("Bed en administrator om at tilføje en indberetter");
    // The deadline column gives the date itself, in every row.
    expect(board.split(formatDanishDate(deadline)).length - 1).toBeGreaterThanOrEqual(4);

    await s.coordinator.get(`/admin/runder/${s.roundId}`);
    const sent = await s.coordinator.post(`/admin/runder/${s.roundId}/paamindelse`, {});
    expect(sent.status).toBe(303);
    const after = text(await (await s.coordinator.get(sent.headers.get("location")!)).text());
    expect(after).toContain(
      "Påmindelsen er sendt til 1 indberetter. Børne- og Ungdomsforvaltningen og Socialforvaltningen mangler svar, men har ingen indberetter og fik derfor ingen påmindelse.",
    );
    expect(after).not.toContain("Der var ingen indberettere at minde om noget");
  });

  it("offers an administrator a link that opens the user form for a reporter in that administration", async () => {
    const s = await setup();
    const admin = await loggedInClient(s.org, s.app, "admin");
    const board = await (await admin.get(`/admin/runder/${s.roundId}`)).text();
    expect(board).toContain('href="/admin/brugere?rolle=reporter&amp;forvaltning=SOF#name"');
    const form = await (await admin.get("/admin/brugere?rolle=reporter&forvaltning=SOF")).text();
    expect(form).toMatch(/<option value="reporter" selected/);
    expect(form).toMatch(/<option value="SOF" selected/);
  });
});
