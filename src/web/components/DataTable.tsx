// DKFDS table (components/table/table.njk) with what our pages need: a
// caption, header cells with scope, numbers right-aligned, and sortable
// columns as links (DKFDS's sort buttons need JavaScript; links work without
// it and leave a URL to share).
import type { Child } from "hono/jsx";
import { link } from "../../http/links.ts";
import { Icon } from "./Icon.tsx";
import { attr, html } from "./markup.ts";

export type SortDirection = "ascending" | "descending";

export interface Column<Row> {
  header: string;
  /** The cell content; strings and numbers are escaped like any child. */
  cell: (row: Row) => Child;
  /** Right-aligned with tabular figures. */
  numeric?: boolean;
  /** Render this column's cells as <th scope="row"> (the row's name). */
  rowHeader?: boolean;
  /** Sort key; given, and with `sort` on the table, the header becomes a sort link. */
  sortKey?: string;
}

export interface TableSort {
  /** The key the rows are sorted by now, if any. */
  key?: string;
  direction?: SortDirection;
  /** URL that sorts by `key` in `direction`, e.g. `?sort=title&dir=desc`. */
  href: (key: string, direction: SortDirection) => string;
}

export interface DataTableProps<Row> {
  caption: string;
  /** Keep the caption for screen readers only, when a visible heading already says the same. */
  captionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  sort?: TableSort;
  /** Shown in one full-width cell when there are no rows. */
  emptyText?: string;
  zebra?: boolean;
  compact?: boolean;
  /** As wide as its content instead of the full column: for short tables of a few numbers. */
  narrow?: boolean;
  id?: string;
  /** A summary row (e.g. totals), rendered in <tfoot>. */
  footer?: readonly Child[];
  /**
   * On a phone each row becomes a block of its cells, each under its column's name
   * (DKFDS responsive headers), instead of a wide table to scroll sideways.
   */
  stacked?: boolean;
}

const SORT_TEXT: Record<SortDirection, string> = {
  ascending: "sorteret stigende",
  descending: "sorteret faldende",
};

function SortHeader<Row>({ column, sort }: { column: Column<Row>; sort: TableSort }) {
  const key = column.sortKey as string;
  const isSorted = sort.key === key && sort.direction !== undefined;
  const next: SortDirection = isSorted && sort.direction === "ascending" ? "descending" : "ascending";
  const icon = !isSorted
    ? "sort-table-none"
    : sort.direction === "ascending"
      ? "sort-table-ascending"
      : "sort-table-descending";
  const now = isSorted && sort.direction ? `, ${SORT_TEXT[sort.direction]}. ` : ". ";
  return html`
    <th
      scope="col"
      ${attr("class", numericClass(column))}
      ${attr("aria-sort", isSorted ? sort.direction : undefined)}
    >
      <a class="sort-link" href="${link(sort.href(key, next))}">
        ${column.header}
        <span class="sr-only">${now}${next === "ascending" ? "Sortér stigende" : "Sortér faldende"}</span>
        ${Icon({ name: icon, class: "mr-0 ml-2" })}
      </a>
    </th>`;
}

function numericClass(column: { numeric?: boolean } | undefined): string | undefined {
  return column?.numeric ? "numeric" : undefined;
}

function HeaderCell<Row>({ column, sort }: { column: Column<Row>; sort: TableSort | undefined }) {
  return sort && column.sortKey
    ? SortHeader({ column, sort })
    : html`<th scope="col"${attr("class", numericClass(column))}>${column.header}</th>`;
}

function BodyRow<Row>({
  row,
  columns,
  stacked,
}: {
  row: Row;
  columns: readonly Column<Row>[];
  stacked?: boolean;
}) {
  const cells = columns.map((column) => {
    const cls = attr("class", numericClass(column));
    const title = attr("data-title", stacked ? column.header : undefined);
    return column.rowHeader
      ? html`<th scope="row"${cls}${title}>${column.cell(row)}</th>`
      : html`<td${cls}${title}>${column.cell(row)}</td>`;
  });
  return html`<tr>${cells}</tr>`;
}

function FooterRow<Row>({ cells, columns }: { cells: readonly Child[]; columns: readonly Column<Row>[] }) {
  const row = cells.map((cell, i) => {
    const cls = attr("class", numericClass(columns[i]));
    return i === 0 ? html`<th scope="row"${cls}>${cell}</th>` : html`<td${cls}>${cell}</td>`;
  });
  return html`<tfoot><tr>${row}</tr></tfoot>`;
}

export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, sort } = props;
  const classes = ["table"];
  if (props.zebra) classes.push("table--zebra");
  if (props.compact) classes.push("table--compact");
  if (props.narrow) classes.push("table--narrow");
  if (props.stacked) classes.push("table--responsive-headers");
  const captionId = props.id ? `${props.id}-caption` : undefined;
  const body =
    rows.length === 0
      ? html`<tr><td colspan="${columns.length}">${props.emptyText ?? "Ingen rækker."}</td></tr>`
      : rows.map((row) => BodyRow({ row, columns, stacked: props.stacked }));
  // The wrapper scrolls wide tables on small screens; it is focusable so the
  // keyboard can scroll it, and labelled by the caption so that stop has a name.
  return html`
    <section
      class="table--responsive-scroll"
      tabindex="0"
      ${attr("aria-label", captionId ? undefined : props.caption)}
      ${attr("aria-labelledby", captionId)}
    >
      <table class="${classes.join(" ")}"${attr("id", props.id)}>
        <caption${attr("id", captionId)}${attr("class", props.captionHidden ? "sr-only" : undefined)}>
          ${props.caption}
        </caption>
        <thead>
          <tr>${columns.map((column) => HeaderCell({ column, sort }))}</tr>
        </thead>
        <tbody>${body}</tbody>
        ${props.footer && FooterRow({ cells: props.footer, columns })}
      </table>
    </section>`;
}
