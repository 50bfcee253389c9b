// The search page of the static site (pejl export --format site): no server, so
// the query (?q=, from the page's own search form) is answered by Pagefind's
// prebuilt index in /pagefind/ at the site's root, and the hits are shown as
// the portal shows its own (a numbered list of links with the matched words marked).
const SHOWN = 50;
const root = new URL("../../../", import.meta.url);
const status = document.getElementById("static-search-status");
const list = document.getElementById("static-search-results");
const query = (new URLSearchParams(window.location.search).get("q") ?? "").trim();

/** Pagefind's excerpt as nodes: its text, with only its <mark> elements kept. */
function excerptNodes(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const nodes = [];
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ""));
  }
  return nodes;
}

async function run() {
  if (!status || !list || query === "") return;
  const input = document.querySelector('form[role="search"] input[name="q"]');
  if (input) input.value = query;
  status.textContent = "Søger …";
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  await pagefind.options({ baseUrl: root.pathname });
  const search = await pagefind.search(query);
  const total = search.results.length;
  if (total === 0) {
    status.textContent = `Ingen resultater for »${query}«. Prøv med andre eller færre ord.`;
    return;
  }
  const hits = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
  const count = total === 1 ? "1 resultat" : `${total} resultater`;
  status.textContent = `${count} for »${query}«${total > SHOWN ? `. De ${SHOWN} bedste vises.` : ""}`;
  const ol = document.createElement("ol");
  ol.className = "search-hits";
  for (const hit of hits) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = hit.url;
    a.textContent = hit.meta?.title || hit.url;
    const p = document.createElement("p");
    p.className = "search-headline";
    p.append(...excerptNodes(hit.excerpt ?? ""));
    li.append(a, p);
    ol.append(li);
  }
  list.replaceChildren(ol);
}

run().catch(() => {
  if (status) status.textContent = "Søgningen kunne ikke gennemføres. Prøv igen senere.";
});
