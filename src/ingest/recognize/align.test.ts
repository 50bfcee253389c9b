import { describe, expect, it } from "vitest";
import { matchInOrder, partitionInOrder } from "./align.ts";

describe("order-preserving alignment", () => {
  it("puts extra items with the group they resemble", () => {
    const sims = [
      [1, 0],
      [0, 0],
      [0, 3],
    ];
    expect(partitionInOrder(3, 2, (i, g) => sims[i]![g]!)).toEqual([0, 0, 1]);
    expect(partitionInOrder(1, 2, () => 0)).toBeNull();
  });

  it("matches one to one in order and leaves poor matches out", () => {
    const sims = [
      [3, 0, 0],
      [0, 0, 0],
      [0, 0, 4],
    ];
    expect(matchInOrder(3, 3, (i, j) => sims[i]![j]!, 2)).toEqual([0, -1, 2]);
  });
});
