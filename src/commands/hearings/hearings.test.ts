import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../test/actors.ts";
import type { TestOrganisation } from "../../../test/factories.ts";
import { publicActor } from "../../context.ts";
import { auditEvents, documents, hearingResponses, outbox } from "../../db/schema.ts";
import { checkAttachment } from "./attachment.ts";
import { hearingOpener } from "./hearingOpener.ts";
import { hearingResponseRegistrar } from "./hearingResponseRegistrar.ts";
import { publicResponseSubmitter } from "./publicResponseSubmitter.ts";
import { responseAttacher } from "./responseAttacher.ts";
import { responseCommenter } from "./responseCommenter.ts";
import { responseEraser } from "./responseEraser.ts";
import { responsePublisher } from "./responsePublisher.ts";
import { openHearing } from "./testkit.ts";

const publicCtx = (org: TestOrganisation) => org.ctx(publicActor);

describe("hearings: commands", () => {
  it("opens a hearing with committees by name and other parties as typed, and audits it", async () => {
    const { org, hearing } = await openHearing();
    expect(hearing.state).toBe("open");
    expect(hearing.invited).toContain("Integrationsrådet");
    expect(hearing.invited.length).toBe(2);
    const audit = await org.db.select().from(auditEvents).where(eq(auditEvents.entityId, hearing.id));
    expect(audit.map((a) => a.action)).toEqual(["hearing.open"]);
  });

  it("refuses a closing day before the opening day, and an unknown committee", async () => {
    const { policy, doc, coordinator } = await openHearing();
    const base = { policyId: policy.id, draftDocumentId: doc.id, title: "Høring" };
    await expect(
      hearingOpener(coordinator.ctx, { ...base, opensOn: "2025-02-01", closesOn: "2025-01-01" }),
    ).rejects.toMatchObject({ id: "validation_failed" });
    await expect(
      hearingOpener(coordinator.ctx, {
        ...base,
        opensOn: "2025-01-01",
        closesOn: "2025-02-01",
        invitedCommittees: ["XXX"],
      }),
    ).rejects.toMatchObject({ id: "validation_failed" });
  });

  it("lets neither a reporter nor a viewer open hearings or manage responses", async () => {
    const { org, policy, doc, hearing } = await openHearing();
    const reporter = await buildActor(org, "reporter", "SOF");
    const viewer = await buildActor(org, "viewer");
    const opening = {
      policyId: policy.id,
      draftDocumentId: doc.id,
      title: "X-høring",
      opensOn: "2025-01-01",
      closesOn: "2025-02-01",
    };
    await expect(hearingOpener(reporter.ctx, opening)).rejects.toMatchObject({ status: 404 });
    await expect(hearingOpener(viewer.ctx, opening)).rejects.toMatchObject({ id: "forbidden" });
    const registration = {
      hearingId: hearing.id,
      respondentKind: "organisation" as const,
      fromName: "Forening",
      text: "Svar",
    };
    await expect(hearingResponseRegistrar(viewer.ctx, registration)).rejects.toMatchObject({
      id: "forbidden",
    });
    await expect(hearingResponseRegistrar(reporter.ctx, registration)).rejects.toMatchObject({ status: 404 });
    const coordinator = await buildActor(org, "coordinator");
    const response = await hearingResponseRegistrar(coordinator.ctx, registration);
    const ids = { hearingId: hearing.id, responseId: response.id };
    await expect(responsePublisher(viewer.ctx, { ...ids, published: true })).rejects.toMatchObject({
      id: "forbidden",
    });
    await expect(responseEraser(reporter.ctx, ids)).rejects.toMatchObject({ status: 404 });
    await expect(responseCommenter(viewer.ctx, { ...ids, version: 1, comment: "x" })).rejects.toMatchObject({
      id: "forbidden",
    });
    const [row] = await org.db.select().from(hearingResponses).where(eq(hearingResponses.id, response.id));
    expect(row!.published).toBe(false);
    expect(row!.text).toBe("Svar");
  });

  it("stores a public response unpublished, with its sections, and queues a receipt", async () => {
    const { org, hearing, job } = await openHearing();
    const result = await publicResponseSubmitter(publicCtx(org), {
      hearingId: hearing.id,
      respondentKind: "citizen",
      fromName: "Karen Borger",
      contactEmail: "karen@example.dk",
      text: "Jeg støtter målet.",
      sections: [job.id, "general"],
    });
    const [row] = await org.db.select().from(hearingResponses).where(eq(hearingResponses.id, result.id));
    expect(row!.published).toBe(false);
    expect(row!.goalsChosen).toEqual(["Mål 1: Flere i job", "Generelle bemærkninger"]);
    const mails = await org.db.select().from(outbox).where(eq(outbox.organisationId, org.organisationId));
    expect(mails).toHaveLength(1);
    expect(mails[0]!).toMatchObject({ to: "karen@example.dk", kind: "receipt" });
    expect(mails[0]!.subject).toContain(hearing.title);
    const [audit] = await org.db.select().from(auditEvents).where(eq(auditEvents.entityId, result.id));
    expect(JSON.stringify(audit)).not.toContain("Karen");
    expect(JSON.stringify(audit)).not.toContain("karen@example.dk");
  });

  it("refuses a public response to a closed hearing and to sections the policy does not have", async () => {
    const { org, hearing } = await openHearing();
    const input = { hearingId: hearing.id, respondentKind: "citizen" as const, fromName: "A", text: "B" };
    await expect(
      publicResponseSubmitter(publicCtx(org), input, { today: "2100-01-01" }),
    ).rejects.toMatchObject({ id: "invalid_state" });
    await expect(
      publicResponseSubmitter(publicCtx(org), { ...input, sections: [crypto.randomUUID()] }),
    ).rejects.toMatchObject({ id: "validation_failed" });
    const rows = await org.db
      .select()
      .from(hearingResponses)
      .where(eq(hearingResponses.hearingId, hearing.id));
    expect(rows).toHaveLength(0);
  });

  it("publishes, comments (409 on a stale version) and erases personal data with an audit entry", async () => {
    const { org, hearing, coordinator } = await openHearing();
    const attachment = await checkAttachment(
      new TextEncoder().encode("Mit bilag med mit navn Karen Borger."),
      1024 * 1024,
    );
    const { id } = await publicResponseSubmitter(
      publicCtx(org),
      {
        hearingId: hearing.id,
        respondentKind: "citizen",
        fromName: "Karen Borger",
        contactEmail: "karen@example.dk",
        text: "Jeg bor på Nørrebro og mener …",
        consentToPublishName: true,
      },
      { attachment },
    );
    const ids = { hearingId: hearing.id, responseId: id };
    const published = await responsePublisher(coordinator.ctx, { ...ids, published: true });
    expect(published.published).toBe(true);
    const commented = await responseCommenter(coordinator.ctx, {
      ...ids,
      version: published.version,
      comment: "Tages til efterretning.",
    });
    expect(commented.administrationComment).toBe("Tages til efterretning.");
    await expect(
      responseCommenter(coordinator.ctx, { ...ids, version: published.version, comment: "Gammel" }),
    ).rejects.toMatchObject({ id: "stale_version" });

    const [before] = await org.db.select().from(hearingResponses).where(eq(hearingResponses.id, id));
    expect(before!.attachmentDocumentId).not.toBeNull();
    const erased = await responseEraser(coordinator.ctx, { ...ids, reason: "anmodning pr. e-mail" });
    expect(erased.fromName).toBeNull();
    expect(erased.contactEmail).toBeNull();
    expect(erased.consentToPublishName).toBe(false);
    expect(erased.attachmentDocumentId).toBeNull();
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.text).not.toContain("Nørrebro");
    expect(erased.text).toContain("slettet");
    const docs = await org.db.select().from(documents).where(eq(documents.id, before!.attachmentDocumentId!));
    expect(docs).toHaveLength(0);
    const mails = await org.db.select().from(outbox).where(eq(outbox.organisationId, org.organisationId));
    expect(mails).toHaveLength(0);
    const audit = await org.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "hearing_response.erase")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(coordinator.user.id);
    expect(JSON.stringify(audit[0])).not.toContain("Karen");
  });

  it("attaches an imported committee letter, matching its chosen goals to the policy's goals", async () => {
    const { org, hearing, coordinator } = await openHearing();
    const [letter] = await org.db
      .insert(hearingResponses)
      .values({
        organisationId: org.organisationId,
        respondentKind: "committee",
        fromCommitteeId: org.committeeIds.SOU,
        goalsChosen: ["færre hjemløse borgere", "Et helt andet mål om idræt"],
        published: true,
      })
      .returning();
    const attached = await responseAttacher(coordinator.ctx, {
      hearingId: hearing.id,
      responseId: letter!.id,
    });
    expect(attached.hearingId).toBe(hearing.id);
    expect(attached.goalsChosen).toEqual(["Mål 2: Færre hjemløse borgere", "Et helt andet mål om idræt"]);
    await expect(
      responseAttacher(coordinator.ctx, { hearingId: hearing.id, responseId: letter!.id }),
    ).rejects.toMatchObject({ id: "conflict" });
  });
});

describe("hearing attachments", () => {
  it("accepts text and refuses a binary named as a PDF, and a file over the limit", async () => {
    await expect(
      checkAttachment(new TextEncoder().encode("Et helt almindeligt bilag."), 1000),
    ).resolves.toMatchObject({ format: "text" });
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    await expect(checkAttachment(png, 1000)).rejects.toMatchObject({ id: "validation_failed" });
    const fakePdf = new Uint8Array(600);
    fakePdf.set(new TextEncoder().encode("%PDF-1.7\n"), 0);
    for (let i = 9; i < fakePdf.length; i++) fakePdf[i] = (i * 7919) % 256;
    await expect(checkAttachment(fakePdf, 100_000)).rejects.toMatchObject({ id: "validation_failed" });
    await expect(checkAttachment(new Uint8Array(2000).fill(65), 1000)).rejects.toMatchObject({
      id: "too_large",
    });
  });
});
