// The audit log's values as a Danish reader expects them.
import { describe, expect, it } from "vitest";
import { auditChanges, auditValue } from "./auditText.ts";

describe("audit log text", () => {
  it("writes a year as a year, and other numbers in Danish", () => {
    expect(auditValue("year", 2018)).toBe("2018");
    expect(auditValue("startYear", 2019)).toBe("2019");
    expect(auditValue("periodEnd", 2022)).toBe("2022");
    expect(auditValue("value", 10175.5)).toBe("10.175,5");
  });

  it("labels a login's address in Danish", () => {
    const { changes } = auditChanges(null, { address: "127.0.0.1" });
    expect(changes).toEqual([{ label: "IP-adresse", before: null, after: "127.0.0.1" }]);
  });
});
