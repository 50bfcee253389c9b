import { describe, expect, it } from "vitest";
import { indicatorKey, isIndicatorKey } from "./indicatorKey.ts";

describe("indicatorKey", () => {
  it.each([
    ["Andel i job, 16-64 år", "%", "andel i job 16–64 år", "procent"],
    ["Ledighed blandt  unge", "pct.", "LEDIGHED BLANDT UNGE", "pct"],
    ["Antal foreninger", null, "Antal foreninger", ""],
  ])("gives %j (%j) and %j (%j) the same key", (t1, u1, t2, u2) => {
    expect(indicatorKey(t1, u1)).toBe(indicatorKey(t2, u2));
  });

  it.each([
    ["Andel i job", "%", "Andel i job", "antal"],
    ["Andel i job", "%", "Andel i uddannelse", "%"],
  ])("keeps %j (%j) and %j (%j) apart", (t1, u1, t2, u2) => {
    expect(indicatorKey(t1, u1)).not.toBe(indicatorKey(t2, u2));
  });

  it("is a URL segment that isIndicatorKey accepts, and nothing else is", () => {
    const key = indicatorKey("Trivsel i 9. klasse (elever, der trives)", "%");
    expect(key).toBe("trivsel-i-9-klasse-elever-der-trives--procent");
    expect(isIndicatorKey(key)).toBe(true);
    expect(isIndicatorKey("../etc")).toBe(false);
    expect(isIndicatorKey("uden-enhed")).toBe(false);
  });
});
