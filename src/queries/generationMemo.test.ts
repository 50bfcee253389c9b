import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Context } from "../context.ts";
import { bumpGeneration } from "./generation.ts";
import { memoByGeneration, memoPartsByGeneration } from "./generationMemo.ts";

/** Only what the memo reads of a context: the organisation and whether a transaction is open. */
const contextOf = (organisationId: string, inTransaction = false) =>
  ({ organisationId, inTransaction }) as unknown as Context;

function counted() {
  const loads: string[] = [];
  const load = async (ctx: Context, key: string) => {
    loads.push(key);
    return `${ctx.organisationId}:${key}:${loads.length}`;
  };
  return { loads, load };
}

describe("memoByGeneration", () => {
  it("loads once per organisation, key and generation", async () => {
    const { loads, load } = counted();
    const memo = memoByGeneration(load, String);
    const a = contextOf(randomUUID());
    const b = contextOf(randomUUID());
    const first = await memo(a, "x");
    expect(await memo(a, "x")).toBe(first);
    await memo(b, "x");
    await memo(a, "y");
    expect(loads).toEqual(["x", "x", "y"]);
    bumpGeneration(a.organisationId);
    expect(await memo(a, "x")).not.toBe(first);
    await memo(b, "x");
    expect(loads).toEqual(["x", "x", "y", "x"]);
  });

  it("reads anew inside a transaction, and keeps no failed load", async () => {
    let fail = true;
    let loads = 0;
    const memo = memoByGeneration(async () => {
      loads++;
      if (fail) throw new Error("database gone");
      return loads;
    });
    const ctx = contextOf(randomUUID());
    await expect(memo(ctx)).rejects.toThrow("database gone");
    fail = false;
    expect(await memo(ctx)).toBe(2);
    expect(await memo(ctx)).toBe(2);
    expect(await memo(contextOf(ctx.organisationId, true))).toBe(3);
  });

  it("with a limit keeps the most recently used values", async () => {
    const { loads, load } = counted();
    const memo = memoByGeneration(load, String, { limit: 2 });
    const ctx = contextOf(randomUUID());
    await memo(ctx, "a");
    await memo(ctx, "b");
    await memo(ctx, "a"); // a is now the most recently used
    await memo(ctx, "c"); // b goes
    await memo(ctx, "a");
    await memo(ctx, "c");
    expect(loads).toEqual(["a", "b", "c"]);
    await memo(ctx, "b");
    expect(loads).toEqual(["a", "b", "c", "b"]);
  });
});

describe("memoPartsByGeneration", () => {
  /** Each part is the organisation's id with the number of the load that read it. */
  function countedParts() {
    const loads: string[][] = [];
    const load = async (ids: readonly string[]) => {
      loads.push([...ids]);
      return new Map(ids.map((id) => [id, `${id}:${loads.length}`]));
    };
    return { loads, load };
  }

  it("reloads only the parts of the organisations that wrote, in one load", async () => {
    const { loads, load } = countedParts();
    const memo = memoPartsByGeneration(load);
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    expect(await memo([a, b])).toEqual([`${a}:1`, `${b}:1`]);
    expect(await memo([b, a, c])).toEqual([`${b}:1`, `${a}:1`, `${c}:2`]);
    bumpGeneration(b);
    bumpGeneration(c);
    expect(await memo([a, b, c])).toEqual([`${a}:1`, `${b}:3`, `${c}:3`]);
    expect(loads).toEqual([[a, b], [c], [b, c]]);
  });

  it("with every organisation named in each call, drops the parts of one no longer named", async () => {
    const { loads, load } = countedParts();
    const every = memoPartsByGeneration(load, { everyOrganisation: true });
    const some = memoPartsByGeneration(load);
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await every([a, b, c]);
    await some([a, b, c]);
    // c is deleted: the next calls name a and b alone.
    await every([a, b]);
    await some([a, b]);
    expect(loads).toEqual([
      [a, b, c],
      [a, b, c],
    ]);
    // Its part is read again if it is named again: it was not kept.
    expect(await every([a, b, c])).toEqual([`${a}:1`, `${b}:1`, `${c}:3`]);
    // Calls that may name a few organisations keep the others' parts.
    expect(await some([a, b, c])).toEqual([`${a}:2`, `${b}:2`, `${c}:2`]);
    expect(loads).toEqual([[a, b, c], [a, b, c], [c]]);
  });

  it("drops by keepOnly the parts of organisations not named, and reads them again if asked", async () => {
    const { loads, load } = countedParts();
    const memo = memoPartsByGeneration(load);
    const [a, b] = [randomUUID(), randomUUID()];
    await memo([a, b]);
    memo.keepOnly(new Set([a]));
    expect(await memo([a, b])).toEqual([`${a}:1`, `${b}:2`]);
    expect(loads).toEqual([[a, b], [b]]);
  });

  it("shares a load between calls at the same time, and keeps no failed load", async () => {
    let fail = true;
    let loads = 0;
    const memo = memoPartsByGeneration(async (ids: readonly string[]) => {
      loads++;
      if (fail) throw new Error("database gone");
      return new Map(ids.map((id) => [id, loads]));
    });
    const a = randomUUID();
    await expect(memo([a])).rejects.toThrow("database gone");
    fail = false;
    expect(await Promise.all([memo([a]), memo([a])])).toEqual([[2], [2]]);
    expect(loads).toBe(2);
  });

  it("refuses a load that leaves out an organisation it was asked for", async () => {
    const memo = memoPartsByGeneration(async () => new Map<string, number>());
    await expect(memo([randomUUID()])).rejects.toThrow(/no part for the organisation/);
  });
});
