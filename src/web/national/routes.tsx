// The national pages: every municipality on this server and the comparisons
// between them. They answer only at the root (never under /k/<slug>/), and
// "/" only when the request names no municipality; their responses go
// through a render cache of their own, dropped by any organisation's write;
// what they read is kept per organisation (queries/national.ts), so drawing
// them again after one municipality's write reads only that municipality.
import { Hono } from "hono";
import { isIndicatorKey } from "../../domain/indicatorKey.ts";
import { notFound } from "../../errors.ts";
import type { AppDeps, AppEnv } from "../../http/appEnv.ts";
import { renderCacheBytesOf, suppressionThresholdOf } from "../../http/appEnv.ts";
import { streamOf } from "../../http/streamResponse.ts";
import type { OrganisationDirectory } from "../../http/tenancy.ts";
import { htmlResponse, textResponse } from "../../http/textResponse.ts";
import { nationalPackageZip } from "../../opendata/national.ts";
import { NATIONAL_SCOPE } from "../../queries/generation.ts";
import { comparableIndicators } from "../../queries/indicators/comparison.ts";
import { nationalReads } from "../../queries/national.ts";
import { nationalPackageReads } from "../../queries/nationalPackage.ts";
import { renderToString } from "../../render.ts";
import { createRenderCache } from "../portal/renderCache.ts";
import { compareListPage, comparePage } from "./comparePages.tsx";
import { municipalitiesPage } from "./municipalitiesPage.tsx";
import { COMPARE_PATH, MUNICIPALITIES_PATH, NATIONAL_PACKAGE_PATH } from "./shell.tsx";

export function nationalRoutes(deps: AppDeps, _directory: OrganisationDirectory) {
  const app = new Hono<AppEnv>();
  const cache = createRenderCache({ scope: () => NATIONAL_SCOPE, maxBytes: renderCacheBytesOf(deps) });
  const db = deps.database.db;
  const html = htmlResponse;

  const national = (paths: string[], onlyWithoutOrganisation = false) =>
    paths.map((path) =>
      app.use(path, async (c, next) => {
        if (c.get("basePath") !== "") return next();
        if (onlyWithoutOrganisation && c.get("organisation")) return next();
        return cache.middleware(c, next);
      }),
    );
  national(["/"], true);
  // `${COMPARE_PATH}/*` matches COMPARE_PATH itself too (Hono's wildcard takes the empty rest).
  national([MUNICIPALITIES_PATH, `${COMPARE_PATH}/*`]);
  const threshold = suppressionThresholdOf(deps);
  // Kept per organisation: one municipality's write reloads its own part of these alone.
  const reads = nationalReads(db, threshold);
  // The national package, from each organisation's part kept until that organisation writes
  // (queries/nationalPackage.ts): too large for the render cache, it is streamed to each
  // request from the kept parts, which concurrent requests share.
  const packageParts = nationalPackageReads(db, threshold);
  /** Each comparison page as last drawn, with the comparison it was drawn from (one per comparable key). */
  const drawn = new Map<string, { data: string; html: Promise<string> }>();
  // Under /k/<slug>/ these paths are the municipality's own (none there): the 404 says so.
  const atRoot = (c: { get(key: "basePath"): string }) => c.get("basePath") === "";

  const municipalities = async () => html(municipalitiesPage({ organisations: await reads.overview() }));
  app.get("/", async (c, next) => (c.get("organisation") ? next() : municipalities()));
  app.get(MUNICIPALITIES_PATH, async (c, next) => (c.get("basePath") !== "" ? next() : municipalities()));

  app.get(COMPARE_PATH, async (c, next) =>
    atRoot(c) ? html(compareListPage({ indicators: comparableIndicators(await reads.keyed()) })) : next(),
  );

  app.get(NATIONAL_PACKAGE_PATH, async (c, next) => {
    if (!atRoot(c)) return next();
    const { organisations, parts } = await packageParts();
    const zip = nationalPackageZip(organisations, parts, { suppressionThreshold: threshold });
    return new Response(streamOf(zip), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": 'attachment; filename="pejl-national-datapakke.zip"',
      },
    });
  });

  app.get(`${COMPARE_PATH}/:key`, async (c, next) => {
    if (!atRoot(c)) return next();
    const key = c.req.param("key");
    const comparison = isIndicatorKey(key) ? await reads.comparison(key) : undefined;
    if (!comparison) throw notFound("The comparison");
    // The page is drawn from its comparison alone: while that is unchanged (after a write in a
    // municipality that does not measure the key, or that changed none of its figures) the page
    // drawn before is served again, without drawing its chart anew, which is most of its cost.
    const data = JSON.stringify(comparison);
    let page = drawn.get(key);
    if (page?.data !== data) {
      const drawing = { data, html: renderToString(comparePage({ comparison, threshold })) };
      drawn.set(key, drawing);
      drawing.html.catch(() => drawn.get(key) === drawing && drawn.delete(key));
      page = drawing;
    }
    return textResponse(await page.html, { "Content-Type": "text/html; charset=utf-8" });
  });

  return app;
}
