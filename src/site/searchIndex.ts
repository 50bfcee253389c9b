// The static site's search index, built by Pagefind over the exported pages:
// Danish stemming (the pages say <html lang="da">; forced, so every page lands
// in one index), only the content marked data-pagefind-body (not menus and
// footers), charts' SVG text left out (their data tables are indexed).
import path from "node:path";

export async function buildSearchIndex(outDir: string): Promise<number> {
  const pagefind = await import("pagefind");
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: "da",
      keepIndexUrl: true,
      excludeSelectors: ["svg"],
    });
    if (!index) throw new Error(`The search index could not be created: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Indexing the site failed: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, "pagefind") });
    if (written.errors.length)
      throw new Error(`Writing the search index failed: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
