// Page furniture: running heads and feet repeat at the top or bottom edge of page after page (page
// numbers inside them vary, so digits are masked when comparing), and a page number stands alone
// at an edge. Both are taken out before the page is read; the text keeps no trace of them.
import { lineText, type Row, union } from "./geometry.ts";

/** The top and bottom tenth of a page. */
const EDGE = 0.1;
/** Rows at each edge of a page that can be furniture. */
const EDGE_ROWS = 2;
const PAGE_NUMBER =
  /^(?:(?:side|s\.|page)\s*)?\d{1,4}(?:\s*(?:af|ud af|\/|of)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/i;

export interface FurniturePage {
  height: number;
  rows: Row[];
}

function keyOf(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

/** Rows at the page's edges, with the edge they are at. A row of three or more cells is a table's. */
function edgeRows(page: FurniturePage): { row: Row; edge: "top" | "bottom" }[] {
  const out: { row: Row; edge: "top" | "bottom" }[] = [];
  const { rows, height } = page;
  rows.slice(0, EDGE_ROWS).forEach((row) => {
    if (row.top < EDGE * height && row.lines.length <= 2) out.push({ row, edge: "top" });
  });
  rows.slice(Math.max(EDGE_ROWS, rows.length - EDGE_ROWS)).forEach((row) => {
    if (row.bottom > (1 - EDGE) * height && row.lines.length <= 2) out.push({ row, edge: "bottom" });
  });
  return out;
}

/** Remove running heads, running feet and page numbers from the pages' rows, in place. */
export function removeFurniture(pages: FurniturePage[]): void {
  const pagesWith = new Map<string, Set<number>>();
  pages.forEach((page, p) => {
    for (const { row, edge } of edgeRows(page))
      for (const line of row.lines) {
        const key = `${edge}:${keyOf(lineText(line))}`;
        const seen = pagesWith.get(key) ?? new Set<number>();
        seen.add(p);
        pagesWith.set(key, seen);
      }
  });
  // On most pages, or on three of a long document's (chapters may have heads of their own).
  const needed = Math.max(2, Math.min(3, Math.ceil(pages.length / 2)));
  pages.forEach((page) => {
    const furniture = new Set(edgeRows(page).map((e) => e.row));
    for (const { row, edge } of edgeRows(page)) {
      row.lines = row.lines.filter((line) => {
        const text = lineText(line);
        const repeated = (pagesWith.get(`${edge}:${keyOf(text)}`)?.size ?? 0) >= needed;
        return !(repeated || PAGE_NUMBER.test(text.trim()));
      });
      if (row.lines.length > 0) Object.assign(row, union(row.lines));
    }
    page.rows = page.rows.filter((row) => !furniture.has(row) || row.lines.length > 0);
  });
}
