// Order-preserving alignment of two lists (table cells that lost their columns): which cells
// of one row belong to which cells of another, when the counts differ.

/**
 * Assign each of `n` items to one of `m` groups, in order (item i's group ≥ item i-1's group),
 * every group getting at least one item when n ≥ m; maximizes the summed similarity.
 * Returns the group index per item, or null when n < m.
 */
export function partitionInOrder(
  n: number,
  m: number,
  sim: (item: number, group: number) => number,
): number[] | null {
  if (m === 0 || n < m) return null;
  // best[i][g]: best score with items 0..i-1 placed, item i-1 in group g.
  const best: number[][] = Array.from({ length: n + 1 }, () =>
    new Array<number>(m).fill(Number.NEGATIVE_INFINITY),
  );
  const from: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m).fill(-1));
  best[1]![0] = sim(0, 0);
  for (let i = 2; i <= n; i++) {
    for (let g = 0; g < m; g++) {
      const stay = best[i - 1]![g]!;
      const advance = g > 0 ? best[i - 1]![g - 1]! : Number.NEGATIVE_INFINITY;
      // On a tie the earlier item goes to the earlier group.
      const prev = advance >= stay ? g - 1 : g;
      const base = Math.max(stay, advance);
      if (base === Number.NEGATIVE_INFINITY) continue;
      best[i]![g] = base + sim(i - 1, g);
      from[i]![g] = prev;
    }
  }
  if (best[n]![m - 1] === Number.NEGATIVE_INFINITY) return null;
  const out = new Array<number>(n).fill(0);
  let g = m - 1;
  for (let i = n; i >= 1; i--) {
    out[i - 1] = g;
    g = from[i]![g]!;
  }
  return out;
}

/**
 * Match items of A to items of B one-to-one, in order, skipping items on either side; a pair
 * counts only when its similarity reaches `min`. Returns for each A item the B index or -1.
 */
export function matchInOrder(
  a: number,
  b: number,
  sim: (i: number, j: number) => number,
  min: number,
): number[] {
  const score: number[][] = Array.from({ length: a + 1 }, () => new Array<number>(b + 1).fill(0));
  for (let i = 1; i <= a; i++) {
    for (let j = 1; j <= b; j++) {
      const s = sim(i - 1, j - 1);
      const pair = s >= min ? score[i - 1]![j - 1]! + s : Number.NEGATIVE_INFINITY;
      score[i]![j] = Math.max(score[i - 1]![j]!, score[i]![j - 1]!, pair);
    }
  }
  const out = new Array<number>(a).fill(-1);
  let i = a;
  let j = b;
  while (i > 0 && j > 0) {
    const s = sim(i - 1, j - 1);
    // Prefer the earlier B item on a tie: skip the later one first.
    if (score[i]![j] === score[i]![j - 1]) j--;
    else if (s >= min && score[i]![j] === score[i - 1]![j - 1]! + s) {
      out[i - 1] = j - 1;
      i--;
      j--;
    } else if (score[i]![j] === score[i - 1]![j]) i--;
    else j--;
  }
  return out;
}
