// Turns a portal page, as the app renders it, into its static-site version:
// every own link, asset and form action made relative through `resolve`; links
// without a static counterpart (the admin, the API, a sort order or filter no
// file holds) become plain text; forms a static host cannot answer (filters,
// POST forms) are left out, the search form stays (the static search page reads
// its query); the main content is marked for the search index.

/** New href for a site path written in the page, or undefined when it has no static counterpart. */
export type Resolve = (href: string) => string | undefined;

export interface StaticPageOptions {
  resolve: Resolve;
  /** The page is the search page: not indexed, and given the static search's result area and script. */
  search?: { script: string };
  /** The search page's site path, the one form action a static site answers (GET). */
  searchPath: string;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1]!) : undefined;
}

/** An own link: a site path, not a protocol-relative URL, a fragment or another scheme. */
function isSitePath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//");
}

export function staticPage(html: string, opts: StaticPageOptions): string {
  let out = html.replace(/<form\b[^>]*>[\s\S]*?<\/form>/g, (form) => {
    const open = form.slice(0, form.indexOf(">") + 1);
    const method = (attribute(open, "method") ?? "get").toLowerCase();
    const action = attribute(open, "action") ?? "";
    const keep = method === "get" && action.split("?")[0] === opts.searchPath;
    return keep ? form : "";
  });
  out = out.replace(/<a\b([^>]*)>([\s\S]*?)<\/a>/g, (anchor, attrs: string, inner: string) => {
    const href = attribute(attrs, "href");
    if (href === undefined || !isSitePath(href) || opts.resolve(href) !== undefined) return anchor;
    // Its icons (a sort arrow, an arrow to the next page) promised an action the text no longer has.
    return `<span>${inner.replace(/<svg\b[\s\S]*?<\/svg>/g, "")}</span>`;
  });
  out = out.replace(/(\s(?:href|src|action)=")([^"]*)(")/g, (whole, before: string, value: string, after) => {
    const href = decodeEntities(value);
    if (!isSitePath(href)) return whole;
    const resolved = opts.resolve(href);
    return resolved === undefined ? whole : `${before}${escapeAttribute(resolved)}${after}`;
  });
  if (opts.search) {
    out = out.replace(
      "</main>",
      '<div id="static-search" data-pagefind-ignore="all"><noscript><p>Søgningen i denne udgave af portalen kræver JavaScript.</p></noscript>' +
        '<p id="static-search-status" role="status"></p><div id="static-search-results"></div></div></main>',
    );
    out = out.replace(
      "</body>",
      `<script type="module" src="${escapeAttribute(opts.search.script)}"></script></body>`,
    );
  } else {
    out = out.replace(/<main\b/, "<main data-pagefind-body");
  }
  return out;
}

/** The url(...) references of a style sheet that point at other files (fonts, images). */
export function styleSheetReferences(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)]
    .map((m) => m[2]!)
    .filter((u) => !u.startsWith("data:") && !u.startsWith("#") && !/^[a-z]+:/i.test(u));
}
