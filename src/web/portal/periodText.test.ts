import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import { buildOrganisation, buildPolicy } from "../../../test/factories.ts";
import { periodText } from "./common.tsx";

describe("a policy's period", () => {
  it("says a policy that only names its last year runs through that year", async () => {
    expect(periodText({ periodStart: 2019, periodEnd: 2022 })).toBe("2019–2022");
    expect(periodText({ periodStart: null, periodEnd: 2023 })).toBe("til og med 2023");
    const org = await buildOrganisation();
    await buildPolicy(org, {
      title: "Politik for alle",
      slug: "politik-for-alle",
      periodStart: null,
      periodEnd: 2023,
    });
    const html = await (await (await buildTestApp(org)).request("/politikker/politik-for-alle")).text();
    expect(html).toContain("til og med 2023");
    expect(html).not.toMatch(/[^g] til 2023/);
  });
});
