// The primary replaces a worker that dies, but stops when they keep dying soon after they start.
import { describe, expect, it } from "vitest";
import { IN_A_ROW, SOON_MS, workerRestarts } from "./workerRestarts.ts";

describe("replacing workers that die", () => {
  it("replaces workers that die now and then, however many", () => {
    let clock = 0;
    const restarts = workerRestarts(() => clock);
    for (let i = 0; i < 20; i++) {
      const readyAt = clock;
      clock += SOON_MS + 1;
      expect(restarts.replace(readyAt)).toBe(true);
    }
  });

  it(`gives up after ${IN_A_ROW} workers in a row die soon after they were ready`, () => {
    let clock = 0;
    const restarts = workerRestarts(() => clock);
    const soonDeath = () => {
      const readyAt = clock;
      clock += 1000;
      return restarts.replace(readyAt);
    };
    for (let i = 1; i < IN_A_ROW; i++) expect(soonDeath()).toBe(true);
    expect(soonDeath()).toBe(false);
  });

  it("counts again after a worker that lived long", () => {
    let clock = 0;
    const restarts = workerRestarts(() => clock);
    const dies = (after: number) => {
      const readyAt = clock;
      clock += after;
      return restarts.replace(readyAt);
    };
    for (let i = 1; i < IN_A_ROW; i++) expect(dies(1000)).toBe(true);
    expect(dies(SOON_MS * 2)).toBe(true);
    for (let i = 1; i < IN_A_ROW; i++) expect(dies(1000)).toBe(true);
    expect(dies(1000)).toBe(false);
  });
});
