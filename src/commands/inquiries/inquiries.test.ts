import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../test/actors.ts";
import {
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../../../test/factories.ts";
import { auditEvents, budgetLines, inquiries, inquiryAdministrations, settings } from "../../db/schema.ts";
import { inquiryApprover } from "./inquiryApprover.ts";
import { inquiryDrafter } from "./inquiryDrafter.ts";
import { inquiryDraftSaver } from "./inquiryDraftSaver.ts";
import { inquiryRegistrar } from "./inquiryRegistrar.ts";
import { inquiryReopener } from "./inquiryReopener.ts";
import { inquirySentMarker } from "./inquirySentMarker.ts";

const QUESTION = {
  askedBy: "Badar Shah",
  askedOn: "2020-11-11",
  questions: ["Hvilke konkrete ligestillingsindsatser foretager forvaltningen?", ""],
  administrations: ["SOF"],
  caseNumber: "2020-0857002",
  documentNumber: "2020-0857002-5",
};

async function coordinator(org: TestOrganisation) {
  return (await buildActor(org, "coordinator")).ctx;
}

async function auditOf(org: TestOrganisation, id: string) {
  const rows = await org.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.organisationId, org.organisationId), eq(auditEvents.entityId, id)));
  return rows.map((r) => r.action);
}

describe("registering an inquiry", () => {
  it("stores it with its administrations and a due date 10 working days later by default, audited", async () => {
    const org = await buildOrganisation();
    const row = await inquiryRegistrar(await coordinator(org), QUESTION);
    // 11 Nov 2020 was a Wednesday: ten working days later is Wednesday 25 November.
    expect(row.dueOn).toBe("2020-11-25");
    expect(row.state).toBe("new");
    expect(row.questions).toEqual([QUESTION.questions[0]]);
    expect(row.administrationId).toBe(org.administrationIds.SOF);
    const links = await org.db
      .select()
      .from(inquiryAdministrations)
      .where(eq(inquiryAdministrations.inquiryId, row.id));
    expect(links.map((l) => l.administrationId)).toEqual([org.administrationIds.SOF]);
    expect(await auditOf(org, row.id)).toEqual(["inquiry.create"]);
  });

  it("follows the organisation's setting across Christmas, and keeps a due date given by hand", async () => {
    const org = await buildOrganisation();
    await org.db
      .insert(settings)
      .values({ organisationId: org.organisationId, key: "inquiry_due_working_days", value: 3 });
    const ctx = await coordinator(org);
    const christmas = await inquiryRegistrar(ctx, { ...QUESTION, askedOn: "2026-12-22" });
    // 23, 24 and (after 25, 26 and the weekend) 28 December.
    expect(christmas.dueOn).toBe("2026-12-28");
    const byHand = await inquiryRegistrar(ctx, { ...QUESTION, dueOn: "2020-12-01" });
    expect(byHand.dueOn).toBe("2020-12-01");
  });

  it("refuses bad input and writes nothing", async () => {
    const org = await buildOrganisation();
    const ctx = await coordinator(org);
    await expect(inquiryRegistrar(ctx, { ...QUESTION, questions: ["  "] })).rejects.toMatchObject({
      id: "validation_failed",
    });
    await expect(inquiryRegistrar(ctx, { ...QUESTION, administrations: ["XYZ"] })).rejects.toMatchObject({
      id: "validation_failed",
    });
    await expect(inquiryRegistrar(ctx, { ...QUESTION, dueOn: "2020-11-01" })).rejects.toMatchObject({
      id: "validation_failed",
    });
    expect(
      await org.db.select().from(inquiries).where(eq(inquiries.organisationId, org.organisationId)),
    ).toEqual([]);
  });

  it("lets only staff register: a viewer is forbidden, a reporter does not even see inquiries", async () => {
    const org = await buildOrganisation();
    const viewer = await buildActor(org, "viewer");
    const reporter = await buildActor(org, "reporter", "SOF");
    await expect(inquiryRegistrar(viewer.ctx, QUESTION)).rejects.toMatchObject({
      id: "forbidden",
      status: 403,
    });
    await expect(inquiryRegistrar(reporter.ctx, QUESTION)).rejects.toMatchObject({
      id: "not_found",
      status: 404,
    });
    expect(
      await org.db.select().from(inquiries).where(eq(inquiries.organisationId, org.organisationId)),
    ).toEqual([]);
  });
});

describe("answering an inquiry", () => {
  it("drafts from the registry, edits, approves (frozen), reopens, approves and sends: each step audited", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "LGBTI+-politik" });
    const i = await buildInitiative(org, policy.id, { equalityGrounds: ["sexual_orientation"] });
    await org.db.insert(budgetLines).values({
      organisationId: org.organisationId,
      initiativeId: i.id,
      year: 2020,
      amountDkk: 250_000,
      fte: 0.5,
    });
    const ctx = await coordinator(org);
    const row = await inquiryRegistrar(ctx, QUESTION);

    await expect(inquiryApprover(ctx, { id: row.id, version: 1 })).rejects.toMatchObject({
      id: "invalid_state",
    });
    const { inquiry: drafted, draft } = await inquiryDrafter(ctx, {
      id: row.id,
      version: 1,
      scope: { equalityGrounds: ["sexual_orientation"], administrations: ["SOF"], years: [2020] },
    });
    expect(drafted.state).toBe("drafting");
    expect(draft.administrations[0]!.totalsByYear).toEqual([{ year: 2020, amountDkk: 250_000, fte: 0.5 }]);
    expect(drafted.answer).toContain("Rådgivning for LGBTI+-personer");
    expect((drafted.scope as { draft?: unknown }).draft).toBeTruthy();

    const edited = await inquiryDraftSaver(ctx, {
      id: row.id,
      version: 2,
      answer: "Kære Badar Shah\r\nSvaret.",
    });
    expect(edited.answer).toBe("Kære Badar Shah\nSvaret.");
    const approved = await inquiryApprover(ctx, { id: row.id, version: 3 });
    expect(approved.state).toBe("approved");
    expect(approved.approvedAt).toBeTruthy();
    await expect(inquiryDraftSaver(ctx, { id: row.id, version: 4, answer: "Ændret" })).rejects.toMatchObject({
      id: "invalid_state",
      status: 409,
    });
    await expect(
      inquiryDrafter(ctx, { id: row.id, version: 4, scope: { equalityGrounds: ["age"] } }),
    ).rejects.toMatchObject({ id: "invalid_state" });

    const reopened = await inquiryReopener(ctx, { id: row.id, version: 4 });
    expect(reopened.state).toBe("drafting");
    expect(reopened.approvedAt).toBeNull();
    await expect(inquirySentMarker(ctx, { id: row.id, version: 5 })).rejects.toMatchObject({
      id: "invalid_state",
    });
    await inquiryApprover(ctx, { id: row.id, version: 5 });
    const sent = await inquirySentMarker(ctx, {
      id: row.id,
      version: 6,
      answeredOn: "2020-11-20",
      signedBy: "Mikkel Boje",
    });
    expect(sent).toMatchObject({ state: "sent", answeredOn: "2020-11-20", signedBy: "Mikkel Boje" });
    await expect(inquiryReopener(ctx, { id: row.id, version: 7 })).rejects.toMatchObject({
      id: "invalid_state",
    });
    expect(await auditOf(org, row.id)).toEqual(
      expect.arrayContaining([
        "inquiry.create",
        "inquiry.draft",
        "inquiry.answer",
        "inquiry.approve",
        "inquiry.reopen",
        "inquiry.send",
      ]),
    );
    expect(await auditOf(org, row.id)).toHaveLength(7);
  });

  it("refuses a stale version with 409 and keeps the other person's text", async () => {
    const org = await buildOrganisation();
    const ctx = await coordinator(org);
    const row = await inquiryRegistrar(ctx, QUESTION);
    await inquiryDraftSaver(ctx, { id: row.id, version: 1, answer: "Første udkast" });
    await expect(
      inquiryDraftSaver(ctx, { id: row.id, version: 1, answer: "Mit udkast" }),
    ).rejects.toMatchObject({
      id: "stale_version",
      status: 409,
    });
    const [now] = await org.db.select().from(inquiries).where(eq(inquiries.id, row.id));
    expect(now!.answer).toBe("Første udkast");
  });

  it("lets a viewer neither draft nor approve", async () => {
    const org = await buildOrganisation();
    const row = await inquiryRegistrar(await coordinator(org), QUESTION);
    const viewer = (await buildActor(org, "viewer")).ctx;
    await expect(inquiryDraftSaver(viewer, { id: row.id, version: 1, answer: "x" })).rejects.toMatchObject({
      id: "forbidden",
    });
    await expect(inquiryApprover(viewer, { id: row.id, version: 1 })).rejects.toMatchObject({
      id: "forbidden",
    });
  });
});
