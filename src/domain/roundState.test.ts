import { describe, expect, it } from "vitest";
import { answerCounts, canTransition, reportersMayWrite } from "./roundState.ts";

describe("round state machine", () => {
  it.each([
    ["draft", "open", true],
    ["open", "in_review", true],
    ["in_review", "locked", true],
    ["in_review", "open", true],
    ["draft", "locked", false],
    ["open", "locked", false],
    ["locked", "open", false],
    ["locked", "in_review", false],
  ] as const)("%s → %s is %s", (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected);
  });

  it("lets reporters write while open, and in review only what was returned", () => {
    expect(reportersMayWrite("open", "draft")).toBe(true);
    expect(reportersMayWrite("in_review", "submitted")).toBe(false);
    expect(reportersMayWrite("in_review", "returned")).toBe(true);
    expect(reportersMayWrite("locked", "returned")).toBe(false);
    expect(reportersMayWrite("draft", "draft")).toBe(false);
  });

  it.each([
    ["draft", false],
    ["submitted", true],
    ["returned", false],
    ["accepted", true],
  ] as const)("an answer that is %s counts: %s", (state, expected) => {
    expect(answerCounts(state)).toBe(expected);
  });
});
