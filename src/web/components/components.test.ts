// Written as .ts, calling the components as functions, so the runner's
// "*.test.ts" pattern picks it up; the components themselves are JSX.
import { raw } from "hono/html";
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { lineChart } from "../../charts/lineChart.ts";
import { renderToString } from "../../render.ts";
import { Accordion } from "./Accordion.tsx";
import { Alert } from "./Alert.tsx";
import { Breadcrumbs } from "./Breadcrumbs.tsx";
import { Card, SummaryList } from "./Card.tsx";
import { ChartFigure } from "./ChartFigure.tsx";
import { DataTable } from "./DataTable.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { Button, Checkbox, CheckboxGroup, Select, TextArea, TextInput } from "./FormControls.tsx";
import { Layout } from "./Layout.tsx";
import { Pagination, pageSlots } from "./Pagination.tsx";
import { SearchForm } from "./SearchForm.tsx";
import { FundingBadge, RatingBadge, StatusBadge } from "./StatusBadge.tsx";

const EVIL = `<script>alert("x")</script>`;
const ESCAPED = "&lt;script&gt;";

const html = (node: unknown): Promise<string> => renderToString(node);

async function dom(node: unknown): Promise<Document> {
  const page = `<!DOCTYPE html><html><body>${await html(node)}</body></html>`;
  return new DOMParser().parseFromString(page, "text/html") as unknown as Document;
}

describe("Layout", () => {
  it("is a Danish DKFDS page with skip link, header, main and footer", async () => {
    const out = await html(
      Layout({
        title: "Politikker",
        currentPath: "/politikker",
        breadcrumbs: [{ text: "Forside", href: "/" }, { text: "Politikker" }],
        children: raw("<h1>Politikker</h1>"),
      }),
    );
    expect(out.startsWith("<!DOCTYPE html>")).toBe(true);
    const doc = new DOMParser().parseFromString(out, "text/html") as unknown as Document;
    expect(doc.documentElement.getAttribute("lang")).toBe("da");
    expect(doc.querySelector("title")?.textContent).toBe("Politikker – Pejl");
    expect(doc.querySelector("a.skipnav")?.getAttribute("href")).toBe("#main-content");
    expect(doc.querySelector("main#main-content h1")?.textContent).toBe("Politikker");
    expect(doc.querySelector(".solution-heading a")?.textContent?.trim()).toBe("Pejl");
    const menu = Array.from(doc.querySelectorAll(".navigation-menu .nav-link")).map((a) =>
      a.textContent?.trim(),
    );
    expect(menu).toEqual(["Politikker", "Initiativer", "Høringer", "Spørgsmål", "Søg", "Åbne data"]);
    const current = doc.querySelector('.navigation-menu a[aria-current="page"]');
    expect(current?.getAttribute("href")).toBe("/politikker");
    expect(doc.querySelector("nav.breadcrumbs")).not.toBeNull();
    const footerLinks = Array.from(doc.querySelectorAll("footer a")).map((a) => a.getAttribute("href"));
    expect(footerLinks).toContain("/tilgaengelighed");
    expect(footerLinks).toContain("/data");
    // The DKFDS icons referenced on the page are in the inline sprite.
    for (const use of Array.from(doc.querySelectorAll("use"))) {
      const id = use.getAttribute("href")?.slice(1) ?? "";
      expect(doc.querySelector(`symbol[id="${id}"]`), id).not.toBeNull();
    }
  });

  it("has no inline script or style (the CSP is script-src 'self')", async () => {
    const chart = lineChart({ title: "T", unit: "%", series: [{ period: "2020", year: 2020, value: 1 }] });
    const out = await html(Layout({ title: "Side", children: ChartFigure({ chart }) }));
    const scripts = out.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBe(2);
    for (const s of scripts) expect(s).toMatch(/ src="\/assets\/[0-9a-f]{12}\//);
    expect(out).not.toMatch(/<script[^>]*>[^<]/);
    expect(out).not.toContain("<style");
    expect(out).not.toMatch(/\sstyle="/);
    expect(out).not.toMatch(/\son[a-z]+="/);
  });

  it("admin variant shows the user, escaped, and a log-out form with the CSRF field", async () => {
    const doc = await dom(
      Layout({
        title: "Oversigt",
        variant: "admin",
        user: { name: EVIL },
        logout: { action: "/log-ud", csrf: { name: "_csrf", token: "abc" } },
        children: "x",
      }),
    );
    expect(doc.querySelector(".additional-info .user")?.textContent).toContain(EVIL);
    const form = doc.querySelector(".additional-info form");
    expect(form?.getAttribute("method")).toBe("post");
    expect(form?.getAttribute("action")).toBe("/log-ud");
    expect(form?.querySelector('input[name="_csrf"]')?.getAttribute("value")).toBe("abc");
    expect(form?.querySelector("button")?.textContent).toContain("Log ud");
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
  });

  it("escapes a <script> title", async () => {
    const out = await html(Layout({ title: EVIL, children: "x" }));
    expect(out).toContain(`<title>${ESCAPED}alert(&quot;x&quot;)&lt;/script&gt; – Pejl</title>`);
    expect(out).not.toContain(EVIL);
  });
});

describe("components escape their input", () => {
  const cases: [string, () => unknown][] = [
    ["Alert", () => Alert({ variant: "info", heading: EVIL, children: EVIL })],
    ["Breadcrumbs", () => Breadcrumbs({ items: [{ text: EVIL, href: "/" }, { text: EVIL }] })],
    ["StatusBadge", () => StatusBadge({ text: EVIL })],
    ["Card", () => Card({ heading: EVIL, subheading: EVIL, children: EVIL })],
    ["SummaryList", () => SummaryList({ items: [{ label: EVIL, value: EVIL }] })],
    ["ErrorSummary", () => ErrorSummary({ errors: [{ fieldId: "f", message: EVIL }] })],
    ["TextInput", () => TextInput({ id: "f", name: "f", label: EVIL, hint: EVIL, error: EVIL, value: EVIL })],
    ["TextArea", () => TextArea({ id: "t", name: "t", label: EVIL, hint: EVIL, error: EVIL, value: EVIL })],
    ["Select", () => Select({ id: "s", name: "s", label: EVIL, options: [{ value: EVIL, text: EVIL }] })],
    ["Checkbox", () => Checkbox({ id: "c", name: "c", value: EVIL, label: EVIL })],
    ["Accordion", () => Accordion({ id: "a", items: [{ title: EVIL, content: EVIL }] })],
    ["SearchForm", () => SearchForm({ value: EVIL, label: EVIL })],
    ["Button", () => Button({ children: EVIL })],
    [
      "DataTable",
      () => DataTable<string>({ caption: EVIL, columns: [{ header: EVIL, cell: (r) => r }], rows: [EVIL] }),
    ],
  ];
  it.each(cases)("%s", async (_name, build) => {
    const out = await html(build());
    expect(out).not.toContain("<script>");
    expect(out).toContain(ESCAPED);
  });
});

describe("DataTable", () => {
  type Row = { name: string; amount: number };
  const rows: Row[] = [
    { name: "A", amount: 1 },
    { name: "B", amount: 2 },
  ];

  it("has a caption, scoped headers and right-aligned numbers", async () => {
    const doc = await dom(
      DataTable<Row>({
        caption: "Budget",
        id: "budget",
        columns: [
          { header: "Navn", cell: (r) => r.name, rowHeader: true },
          { header: "Beløb", cell: (r) => r.amount, numeric: true },
        ],
        rows,
        footer: ["I alt", 3],
      }),
    );
    expect(doc.querySelector("table.table caption")?.textContent).toBe("Budget");
    expect(doc.querySelectorAll('thead th[scope="col"]').length).toBe(2);
    expect(doc.querySelectorAll('tbody th[scope="row"]').length).toBe(2);
    expect(doc.querySelectorAll("tbody td.numeric").length).toBe(2);
    expect(doc.querySelector("thead th.numeric")?.textContent).toBe("Beløb");
    expect(doc.querySelector("tfoot th")?.textContent).toBe("I alt");
    // A labelled <section> is a region landmark, so the focusable scroll stop has a name.
    const region = doc.querySelector(".table--responsive-scroll");
    expect(region?.tagName.toLowerCase()).toBe("section");
    expect(region?.getAttribute("aria-labelledby")).toBe("budget-caption");
  });

  it("renders sortable headers as links with aria-sort", async () => {
    const doc = await dom(
      DataTable<Row>({
        caption: "Budget",
        columns: [
          { header: "Navn", cell: (r) => r.name, sortKey: "name" },
          { header: "Beløb", cell: (r) => r.amount, numeric: true, sortKey: "amount" },
        ],
        rows,
        sort: { key: "amount", direction: "ascending", href: (k, d) => `?sort=${k}&dir=${d}` },
      }),
    );
    const [name, amount] = Array.from(doc.querySelectorAll("thead th"));
    expect(name?.getAttribute("aria-sort")).toBeNull();
    expect(name?.querySelector("a")?.getAttribute("href")).toBe("?sort=name&dir=ascending");
    expect(amount?.getAttribute("aria-sort")).toBe("ascending");
    expect(amount?.querySelector("a")?.getAttribute("href")).toBe("?sort=amount&dir=descending");
    expect(amount?.textContent).toContain("sorteret stigende");
  });

  it("says so when there are no rows", async () => {
    const out = await html(
      DataTable<string>({
        caption: "Tom",
        columns: [{ header: "A", cell: () => "" }],
        rows: [],
        emptyText: "Ingen initiativer.",
      }),
    );
    expect(out).toContain("Ingen initiativer.");
  });
});

describe("Pagination", () => {
  it.each([
    [1, 5, [1, 2, 3, 4, 5]],
    [2, 9, [1, 2, 3, 4, 5, "gap", 9]],
    [5, 9, [1, "gap", 4, 5, 6, "gap", 9]],
    [8, 9, [1, "gap", 5, 6, 7, 8, 9]],
  ])("page %s of %s shows %j", (current, total, expected) => {
    expect(pageSlots(current, total)).toEqual(expected);
  });

  it("renders links with the current page marked", async () => {
    const doc = await dom(Pagination({ currentPage: 2, totalPages: 3, href: (p) => `?side=${p}` }));
    expect(doc.querySelector("nav.pagination")?.getAttribute("aria-label")).toBe("Sider");
    expect(doc.querySelector('[aria-current="page"]')?.textContent).toContain("2");
    expect(doc.querySelector(".button-previous")?.getAttribute("href")).toBe("?side=1");
    expect(doc.querySelector(".button-next")?.getAttribute("href")).toBe("?side=3");
  });

  it("renders nothing for a single page", () => {
    expect(Pagination({ currentPage: 1, totalPages: 1, href: () => "" })).toBeNull();
  });
});

describe("forms", () => {
  it("marks a field in error the DKFDS way", async () => {
    const doc = await dom(
      TextInput({ id: "amount", name: "amount", label: "Beløb", hint: "I kroner", error: "Skriv et tal" }),
    );
    expect(doc.querySelector(".form-group")?.classList.contains("form-error")).toBe(true);
    const input = doc.querySelector("input");
    expect(input?.getAttribute("aria-invalid")).toBe("true");
    expect(input?.getAttribute("aria-describedby")).toBe("amount-hint amount-error");
    expect(doc.querySelector("#amount-error.form-error-message")?.textContent).toBe("Fejl: Skriv et tal");
    expect(doc.querySelector('label[for="amount"]')?.textContent).toBe("Beløb");
  });

  it("wires a text area's hint and error like a text input's, and keeps its text", async () => {
    const doc = await dom(
      TextArea({
        id: "svar",
        name: "svar",
        label: "Svar",
        hint: "Højst 100 tegn",
        error: "Skriv et svar",
        value: "a\nb",
      }),
    );
    const area = doc.querySelector("textarea");
    expect(area?.getAttribute("aria-invalid")).toBe("true");
    expect(area?.getAttribute("aria-describedby")).toBe("svar-hint svar-error");
    expect(area?.textContent).toBe("a\nb");
    expect(doc.querySelector(".form-group")?.classList.contains("form-error")).toBe(true);
    const plain = await dom(TextArea({ id: "n", name: "n", label: "Note" }));
    expect(plain.querySelector("textarea")?.hasAttribute("aria-describedby")).toBe(false);
    expect(plain.querySelector("textarea")?.hasAttribute("aria-invalid")).toBe(false);
  });

  it("groups checkboxes in a fieldset with a legend", async () => {
    const doc = await dom(
      CheckboxGroup({
        id: "g",
        name: "g",
        legend: "Grunde",
        options: [{ value: "age", text: "Alder" }],
        checked: ["age"],
        error: "Vælg",
      }),
    );
    expect(doc.querySelector("fieldset legend")?.textContent).toBe("Grunde");
    expect(doc.querySelector("#g-option1")?.hasAttribute("checked")).toBe(true);
    expect(doc.querySelector("fieldset")?.getAttribute("aria-describedby")).toBe("g-error");
  });

  it("links each error in the summary to its field", async () => {
    const doc = await dom(ErrorSummary({ errors: [{ fieldId: "amount", message: "Skriv et tal" }] }));
    const summary = doc.querySelector('[data-module="error-summary"]');
    expect(summary?.classList.contains("alert-error")).toBe(true);
    expect(summary?.getAttribute("tabindex")).toBe("-1");
    expect(summary?.querySelector("a")?.getAttribute("href")).toBe("#amount");
  });
});

describe("badges and accordion", () => {
  it("writes the status in words", async () => {
    expect(await html(RatingBadge({ rating: "at_risk" }))).toContain("I risiko");
    const funding = await html(FundingBadge({ funding: "requires_separate_funding" }));
    expect(funding).toContain('class="badge badge-warning"');
    expect(funding).toContain("Kræver særskilt finansiering");
  });

  it("renders accordions open, marking the ones init.js should close", async () => {
    const doc = await dom(
      Accordion({
        id: "acc",
        items: [
          { title: "Åben", content: "a", expanded: true },
          { title: "Lukket", content: "b" },
        ],
      }),
    );
    const buttons = Array.from(doc.querySelectorAll(".accordion-button"));
    expect(buttons.map((b) => b.getAttribute("aria-expanded"))).toEqual(["true", "true"]);
    expect(buttons.map((b) => b.hasAttribute("data-collapsed"))).toEqual([false, true]);
    expect(doc.querySelector("#acc-2")?.getAttribute("aria-hidden")).toBe("false");
  });
});
