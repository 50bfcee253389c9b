import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildLoginUser, buildOrganisation } from "../../test/factories.ts";
import { actorForApiToken } from "../auth/actor.ts";
import { auditEvents } from "../db/schema.ts";
import { apiTokenCreator } from "./apiTokenCreator.ts";
import { apiTokenRevoker, listApiTokens } from "./apiTokenRevoker.ts";

describe("apiTokenRevoker", () => {
  it("stops a token from working at once, keeps it listed as revoked and audits the revocation", async () => {
    const org = await buildOrganisation();
    const { email } = await buildLoginUser(org, "viewer");
    const kept = await apiTokenCreator(org.ctx(), { email, name: "Dashboard" });
    const revoked = await apiTokenCreator(org.ctx(), { email, name: "Gammel integration" });
    expect(await actorForApiToken(org.db, org.organisationId, revoked.token)).not.toBeNull();

    const result = await apiTokenRevoker(org.ctx(), { id: revoked.id });
    expect(result).toMatchObject({ id: revoked.id, email, name: "Gammel integration" });
    expect(await actorForApiToken(org.db, org.organisationId, revoked.token)).toBeNull();
    expect(await actorForApiToken(org.db, org.organisationId, kept.token)).not.toBeNull();

    const listed = await listApiTokens(org.ctx(), { email: email.toUpperCase() });
    expect(listed.map((t) => [t.name, t.revokedAt !== null])).toEqual([
      ["Dashboard", false],
      ["Gammel integration", true],
    ]);
    expect(JSON.stringify(listed)).not.toContain(revoked.token);
    const [event] = await org.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "api_token.revoke"), eq(auditEvents.entityId, revoked.id)));
    expect(event).toMatchObject({ entity: "api_token" });

    await expect(apiTokenRevoker(org.ctx(), { id: revoked.id })).rejects.toMatchObject({
      id: "invalid_state",
    });
  });

  it("refuses a malformed or unknown id, another organisation's token, and anyone but an admin", async () => {
    const org = await buildOrganisation();
    const other = await buildOrganisation();
    const { email } = await buildLoginUser(other, "viewer");
    const foreign = await apiTokenCreator(other.ctx(), { email, name: "x" });
    await expect(apiTokenRevoker(org.ctx(), { id: "abc" })).rejects.toMatchObject({
      id: "validation_failed",
    });
    await expect(apiTokenRevoker(org.ctx(), { id: foreign.id })).rejects.toMatchObject({ id: "not_found" });
    expect(await actorForApiToken(other.db, other.organisationId, foreign.token)).not.toBeNull();
    const coordinator = await buildLoginUser(other, "coordinator");
    await expect(apiTokenRevoker(coordinator.ctx, { id: foreign.id })).rejects.toBeDefined();
    expect(await actorForApiToken(other.db, other.organisationId, foreign.token)).not.toBeNull();
  });
});
