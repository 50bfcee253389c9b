// The open-round form starts from the organisation's reminder setting.
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../../test/actors.ts";
import { buildTestApp } from "../../../../test/app.ts";
import { buildLoginUser, buildOrganisation } from "../../../../test/factories.ts";
import { settingSaver } from "../../../commands/organisation/settingSaver.ts";
import { REMINDER_SETTING } from "../../../commands/organisation/settings.ts";
import { AdminClient } from "../testkit.ts";

const reminderValue = (html: string) => /name="reminderDaysBefore"[^>]*value="(\d+)"/.exec(html)?.[1];

describe("the open-round form", () => {
  it("proposes the reminder days an admin set for the organisation", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const { email, password } = await buildLoginUser(org, "coordinator");
    const client = new AdminClient(app);
    expect((await client.login(email, password)).status).toBe(303);

    expect((await client.get("/admin/runder/ny")).status).toBe(200);
    expect(reminderValue(client.lastHtml)).toBe("5");

    const { ctx } = await buildActor(org, "admin");
    await settingSaver(ctx, { key: REMINDER_SETTING, value: 12, version: 0 });
    await client.get("/admin/runder/ny");
    expect(reminderValue(client.lastHtml)).toBe("12");
  });
});
