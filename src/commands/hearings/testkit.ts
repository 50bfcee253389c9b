// Test fixtures for hearings: a draft policy with two goals, its draft document
// and an open hearing on it, opened by a coordinator.
import { createHash, randomUUID } from "node:crypto";
import { buildActor } from "../../../test/actors.ts";
import { buildGoal, buildOrganisation, buildPolicy, type TestOrganisation } from "../../../test/factories.ts";
import { documents } from "../../db/schema.ts";
import { hearingOpener } from "./hearingOpener.ts";

export async function draftDocument(org: TestOrganisation, text: string, title = "Udkast til politik") {
  const [doc] = await org.db
    .insert(documents)
    .values({
      organisationId: org.organisationId,
      filename: "udkast.txt",
      mediaType: "text/plain",
      sha256: createHash("sha256")
        .update(text + randomUUID())
        .digest("hex"),
      size: text.length,
      title,
      text,
    })
    .returning();
  return doc!;
}

export async function openHearing(existing?: TestOrganisation) {
  const org = existing ?? (await buildOrganisation());
  const policy = await buildPolicy(org, { title: "Integrationspolitik (udkast)", status: "draft" });
  const job = await buildGoal(org, policy.id, { number: "1", text: "Flere i job", sortOrder: 1 });
  const homeless = await buildGoal(org, policy.id, {
    number: "2",
    text: "Færre hjemløse borgere",
    sortOrder: 2,
  });
  const doc = await draftDocument(org, "Udkast\nMål 1: Flere i job\nMål 2: Færre hjemløse borgere");
  const coordinator = await buildActor(org, "coordinator");
  const hearing = await hearingOpener(coordinator.ctx, {
    policyId: policy.id,
    draftDocumentId: doc.id,
    title: "Høring om integrationspolitikken",
    opensOn: "2020-01-01",
    closesOn: "2099-12-31",
    invitedCommittees: ["SOU"],
    invitedOthers: ["Integrationsrådet"],
  });
  return { org, policy, job, homeless, doc, coordinator, hearing };
}
