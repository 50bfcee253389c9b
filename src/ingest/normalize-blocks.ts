// Cleaned lines → blocks (paragraphs, headings, list items, table rows), and the repair of
// headings that a PDF prints after the list they belong to ("MÅLSÆTNINGER" under its goals).
import {
  type Join,
  joinAcrossBlank,
  joinWithin,
  runContext,
  typicalWidth,
  Vocabulary,
} from "./normalize-join.ts";
import type { CleanLine } from "./normalize-lines.ts";

export interface Block {
  lines: CleanLine[];
  /** joins[i] joins lines[i] and lines[i + 1]. */
  joins: Join[];
  bullet: boolean;
  bulletAt: number;
  /** A blank line separates this block from the previous one. */
  paraBefore: boolean;
}

function isBlank(line: CleanLine): boolean {
  return line.text === "" && line.bullet === null;
}

/**
 * A text whose lines are its paragraphs (a Word document saved as plain text): no blank lines
 * between paragraphs, and lines far longer than a printed page's. Its line breaks are all real.
 */
function isUnwrapped(lines: readonly CleanLine[]): boolean {
  let filled = 0;
  let blank = 0;
  let pendingBlank = 0;
  let long = 0;
  for (const line of lines) {
    if (isBlank(line)) pendingBlank++;
    else {
      // Blank lines count only between text, not at its ends.
      if (filled > 0) blank += pendingBlank;
      pendingBlank = 0;
      filled++;
      if (line.text.length > 140) long++;
    }
  }
  return filled > 0 && long > 0 && blank * 20 < filled;
}

export function buildBlocks(lines: readonly CleanLine[]): Block[] {
  const unwrapped = isUnwrapped(lines);
  const vocab = new Vocabulary(lines);
  const docWidth = typicalWidth(lines);
  // Runs of consecutive non-blank lines share a width and a wrapping convention.
  const contexts = new Array<ReturnType<typeof runContext> | undefined>(lines.length);
  for (let i = 0; i < lines.length; ) {
    if (isBlank(lines[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !isBlank(lines[j]!)) j++;
    const ctx = runContext(lines.slice(i, j), vocab, docWidth);
    for (let k = i; k < j; k++) contexts[k] = ctx;
    i = j;
  }

  const blocks: Block[] = [];
  let current: Block | null = null;
  let blankSeen = false;
  const open = (line: CleanLine, paraBefore: boolean): Block => {
    const block: Block = {
      lines: [line],
      joins: [],
      bullet: line.bullet !== null,
      bulletAt: line.bulletAt,
      paraBefore,
    };
    blocks.push(block);
    return block;
  };

  lines.forEach((line, i) => {
    if (isBlank(line)) {
      blankSeen = current !== null;
      return;
    }
    if (current === null) {
      current = open(line, false);
      blankSeen = false;
      return;
    }
    const prev: CleanLine = current.lines[current.lines.length - 1]!;
    let join: Join;
    if (prev.text === "" && prev.bullet !== null && !blankSeen) join = "glue";
    else if (unwrapped) join = "break";
    else if (blankSeen)
      join = joinAcrossBlank(
        prev,
        line,
        current.lines.reduce((n, l) => n + l.text.length + 1, 0),
      );
    else join = joinWithin(prev, line, contexts[i]!, i + 1 >= lines.length || isBlank(lines[i + 1]!));
    if (join === "break") {
      current = open(line, blankSeen);
    } else {
      if (line.bullet === "strong") line.bullet = null;
      current.lines.push(line);
      current.joins.push(join);
    }
    blankSeen = false;
  });
  return blocks;
}

function blockText(block: Block): string {
  return block.lines.map((l) => l.text).join(" ");
}

function isCapsHeading(block: Block): boolean {
  const text = blockText(block);
  return !block.bullet && /^[\p{Lu}\s-]{4,40}$/u.test(text) && text.trim().split(/\s+/).length <= 3;
}

function isShortPara(block: Block): boolean {
  return !block.bullet && blockText(block).length <= 220;
}

/**
 * A caps heading ("MÅLSÆTNINGER") that is followed by no list but closes one moves in front of
 * that list, when the same heading elsewhere in the document does stand before its list.
 * Up to two short paragraphs (pull quotes) may sit between the list and the heading.
 */
export function reattachTrailingHeadings(blocks: Block[]): Block[] {
  const headsAList = new Map<string, boolean>();
  const followedByList = (i: number): boolean => {
    for (let k = i + 1; k < Math.min(blocks.length, i + 4); k++) {
      if (blocks[k]!.bullet) return true;
      if (!isShortPara(blocks[k]!)) return false;
    }
    return false;
  };
  blocks.forEach((b, i) => {
    if (!isCapsHeading(b)) return;
    const key = blockText(b).toLowerCase();
    if (followedByList(i)) headsAList.set(key, true);
  });

  const result = blocks.slice();
  for (let i = 0; i < result.length; i++) {
    const heading = result[i]!;
    if (!isCapsHeading(heading) || followedByList(i)) continue;
    if (!headsAList.get(blockText(heading).toLowerCase())) continue;
    // Walk back over pull quotes to the end of a list, then to its start.
    let k = i - 1;
    let skipped = 0;
    while (k >= 0 && !result[k]!.bullet && skipped < 2 && isShortPara(result[k]!)) {
      k--;
      skipped++;
    }
    if (k < 0 || !result[k]!.bullet) continue;
    let start = k;
    while (start > 0 && result[start - 1]!.bullet) start--;
    if (k - start < 1) continue;
    result.splice(i, 1);
    // The text after the heading's old place keeps its separation from the list.
    if (result[i]) result[i]!.paraBefore = true;
    heading.paraBefore = true;
    result.splice(start, 0, heading);
    result[start + 1]!.paraBefore = true;
  }
  return result;
}
