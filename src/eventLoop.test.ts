import { describe, expect, it } from "vitest";
import { turnTaker } from "./eventLoop.ts";

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe("turnTaker", () => {
  it("lets waiting work run once the loop has held the event loop for its time, and not before", async () => {
    const giveWay = turnTaker(5);
    let waiting = 0;
    setImmediate(() => waiting++);
    busy(1);
    // A loop that has run for less than its time goes on at once, without a promise to wait for.
    expect(giveWay()).toBeUndefined();
    await Promise.resolve();
    expect(waiting).toBe(0);
    busy(6);
    await giveWay();
    expect(waiting).toBe(1);
    // Its time counts again from the break.
    expect(giveWay()).toBeUndefined();
    setImmediate(() => waiting++);
    busy(6);
    await giveWay();
    expect(waiting).toBe(2);
  });
});
