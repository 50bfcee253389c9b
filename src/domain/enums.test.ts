import { describe, expect, it } from "vitest";
import {
  isOneOf,
  ratings,
  zEqualityGround,
  zFundingStatus,
  zHearingState,
  zIndicatorDirection,
  zInquiryState,
  zProgressStatus,
  zRating,
  zRole,
} from "./enums.ts";

describe("zod schemas accept the values and nothing else", () => {
  it.each([
    [zRating, "paused_awaiting_funding", "paused"],
    [zProgressStatus, "not_available", "unknown"],
    [zFundingStatus, "requires_separate_funding", "separate"],
    [zEqualityGround, "sex_characteristics", "sex"],
    [zIndicatorDirection, "maintain", "keep"],
    [zRole, "reporter", "public"],
    [zInquiryState, "sent", "answered"],
    [zHearingState, "summarized", "done"],
  ] as const)("%#: %s yes, %s no", (schema, good, bad) => {
    expect(schema.safeParse(good).success).toBe(true);
    expect(schema.safeParse(bad).success).toBe(false);
  });
});

describe("isOneOf", () => {
  it.each([
    ["on_track", true],
    ["On_track", false],
    ["", false],
    [undefined, false],
    [3, false],
  ])("%j → %s", (value, expected) => {
    expect(isOneOf(ratings, value)).toBe(expected);
  });
});
