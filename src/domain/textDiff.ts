// A paragraph-level diff between two versions of a document (the draft under
// hearing and the adopted policy). No diff library is installed, so this is a
// small longest-common-subsequence over paragraphs: O(n·m) cells, which is fine
// for policy documents (a few hundred paragraphs); beyond MAX_CELLS the common
// head and tail are still matched and the middle is reported as replaced.

export type DiffOp = "same" | "added" | "removed";

export interface DiffPart {
  op: DiffOp;
  text: string;
}

const MAX_CELLS = 4_000_000;

/** Paragraphs: the normalized text's blocks (one per line), inner whitespace collapsed. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.length > 0);
}

/** The paragraphs of `after` against those of `before`, in reading order. */
export function diffParagraphs(before: readonly string[], after: readonly string[]): DiffPart[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const parts: DiffPart[] = before.slice(0, head).map((text) => ({ op: "same", text }));
  parts.push(...middle(a, b));
  parts.push(...before.slice(before.length - tail).map((text) => ({ op: "same" as const, text })));
  return parts;
}

function middle(a: readonly string[], b: readonly string[]): DiffPart[] {
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS)
    return [
      ...a.map((text) => ({ op: "removed" as const, text })),
      ...b.map((text) => ({ op: "added" as const, text })),
    ];
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], in one flat array.
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * w + j] =
        a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      parts.push({ op: "same", text: a[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) parts.push({ op: "removed", text: a[i++]! });
    else parts.push({ op: "added", text: b[j++]! });
  }
  while (i < a.length) parts.push({ op: "removed", text: a[i++]! });
  while (j < b.length) parts.push({ op: "added", text: b[j++]! });
  return parts;
}

/** Diff of two texts by paragraph, with counts of added and removed paragraphs. */
export function diffTexts(before: string, after: string) {
  const parts = diffParagraphs(paragraphs(before), paragraphs(after));
  return {
    parts,
    added: parts.filter((p) => p.op === "added").length,
    removed: parts.filter((p) => p.op === "removed").length,
  };
}
