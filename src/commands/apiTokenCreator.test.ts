import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildLoginUser, buildOrganisation } from "../../test/factories.ts";
import { actorForApiToken } from "../auth/actor.ts";
import { sha256Hex } from "../auth/tokens.ts";
import { apiTokens, auditEvents } from "../db/schema.ts";
import { apiTokenCreator } from "./apiTokenCreator.ts";

describe("apiTokenCreator", () => {
  it("returns the token once and stores only its sha256; the token then acts as the user with their roles", async () => {
    const org = await buildOrganisation();
    const { email, user } = await buildLoginUser(org, "reporter", { administrationCode: "BIF" });
    const { id, token } = await apiTokenCreator(org.ctx(), { email, name: "Integration" });
    expect(token).toMatch(/^pejl_[A-Za-z0-9_-]{43}$/);
    const [row] = await org.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const actor = await actorForApiToken(org.db, org.organisationId, token);
    expect(actor?.userId).toBe(user.id);
    expect(actor?.grants).toEqual([{ role: "reporter", administrationId: org.administrationIds.BIF }]);
    const [event] = await org.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(event!.action).toBe("api_token.create");
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it("refuses an unknown user, and a coordinator may not create tokens", async () => {
    const org = await buildOrganisation();
    await expect(apiTokenCreator(org.ctx(), { email: "ingen@example.dk", name: "x" })).rejects.toMatchObject({
      id: "not_found",
    });
    const { ctx, email } = await buildLoginUser(org, "coordinator");
    await expect(apiTokenCreator(ctx, { email, name: "x" })).rejects.toMatchObject({ id: "not_found" });
  });
});
