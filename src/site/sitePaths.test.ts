// The static site's one address scheme: a page is a folder with an index.html,
// a file keeps its path, a kept query is a file of its own, and a query a static
// host cannot answer (or a server-only part) has no static counterpart.
import { describe, expect, it } from "vitest";
import { fileOf, relativeHref, staticUrl } from "./sitePaths.ts";
import { staticPage } from "./staticHtml.ts";

const file = (href: string) => {
  const url = staticUrl(href);
  return url && fileOf(url);
};

describe("static site paths", () => {
  it("maps pages to folders, files to themselves and kept queries to files beside the page", () => {
    expect(file("/")).toBe("index.html");
    expect(file("/politikker/handicap")).toBe("politikker/handicap/index.html");
    expect(file("/data/goals.csv")).toBe("data/goals.csv");
    expect(file("/initiativer?side=2")).toBe("initiativer/index_side-2.html");
    expect(file("/initiativer?side=2&grund=alder")).toBe(file("/initiativer?grund=alder&side=2"));
    expect(file("/initiativer?format=csv")).toBe("initiativer.csv");
    expect(file("/soeg?q=handicap")).toBe("soeg/index.html");
  });

  it("keeps different parameter values apart even where a file name cannot spell them", () => {
    const a = file("/indikatorer/x?opdeling=Køn");
    const b = file("/indikatorer/x?opdeling=K-n");
    expect(a).toMatch(/^indikatorer\/x\/index_opdeling-k-n-[0-9a-f]{8}\.html$/);
    expect(a).not.toBe(b);
  });

  it("has no counterpart for server-only parts and queries a static host cannot answer", () => {
    for (const href of [
      "/admin",
      "/admin/runder",
      "/api",
      "/api/openapi.json",
      "/initiativer?sortering=title",
    ])
      expect(staticUrl(href), href).toBeUndefined();
    expect(staticUrl("/initiativer?format=xlsx")).toBeUndefined();
  });

  it("writes relative links", () => {
    expect(relativeHref("initiativer/index.html", "politikker/x/index.html")).toBe(
      "../politikker/x/index.html",
    );
    expect(relativeHref("index.html", "data/goals.csv")).toBe("data/goals.csv");
    expect(relativeHref("initiativer/index.html", "initiativer/index.html")).toBe("index.html");
  });
});

describe("a page made static", () => {
  const resolve = (href: string) => (href.startsWith("/admin") ? undefined : `REL${href}`);
  const page = (body: string) => `<html lang="da"><body><main id="m">${body}</main></body></html>`;

  it("rewrites own links, unlinks server-only ones, drops forms a static host cannot answer", () => {
    const out = staticPage(
      page(
        '<a href="/politikker?x=1&amp;y=2">P</a><a href="/admin">Log ind<svg class="icon-svg"><use href="#arrow"></use></svg></a><a href="https://example.org/">E</a>' +
          '<form method="get" action="/initiativer"><select name="a"></select></form>' +
          '<form method="post" action="/hoeringer/1"><textarea name="t"></textarea></form>' +
          '<form method="get" action="/soeg" role="search"><input name="q"></form>',
      ),
      { resolve, searchPath: "/soeg" },
    );
    expect(out).toContain('<a href="REL/politikker?x=1&amp;y=2">P</a>');
    expect(out).toContain("<span>Log ind</span>");
    expect(out).toContain('<a href="https://example.org/">E</a>');
    expect(out).not.toContain("/initiativer");
    expect(out).not.toContain("textarea");
    expect(out).toContain('action="REL/soeg"');
    expect(out).toContain("<main data-pagefind-body");
  });

  it("gives the search page its result area and script, and keeps it out of the index", () => {
    const out = staticPage(page(""), { resolve, searchPath: "/soeg", search: { script: "../s.js" } });
    expect(out).not.toContain("data-pagefind-body");
    expect(out).toContain('id="static-search-results"');
    expect(out).toContain('<script type="module" src="../s.js"></script></body>');
  });
});
