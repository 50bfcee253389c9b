// The public portal: every page a citizen can open without logging in. Each
// route: validate the parameters (zod, Danish 400) → query (scoped to the
// organisation) → page. Responses go through the render cache (ETag/304).
import { Hono } from "hono";
import { z } from "zod";
import { todayInDenmark } from "../../domain/danishDate.ts";
import { notFound } from "../../errors.ts";
import type { AppDeps, AppEnv } from "../../http/appEnv.ts";
import { renderCacheBytesOf, suppressionThresholdOf } from "../../http/appEnv.ts";
import { streamOf } from "../../http/streamResponse.ts";
import { organisationName } from "../../http/tenancy.ts";
import { htmlResponse } from "../../http/textResponse.ts";
import { resourceCsv } from "../../opendata/export.ts";
import { descriptorText } from "../../opendata/exportRows.ts";
import { compressedPackage, packageZip } from "../../opendata/packageZip.ts";
import { resources } from "../../opendata/resources.ts";
import { documentWithSources } from "../../queries/documents.ts";
import { memoByGeneration } from "../../queries/generationMemo.ts";
import { groundOverview } from "../../queries/grounds.ts";
import { indicatorDetail } from "../../queries/indicators/detail.ts";
import { browse, browseAll, filterOptions, moneyOfInitiatives } from "../../queries/initiatives/browse.ts";
import { loadBrowseSet } from "../../queries/initiatives/browseSet.ts";
import { initiativeDetail } from "../../queries/initiatives/detail.ts";
import { policyDetail } from "../../queries/policies/detail.ts";
import { currentPolicies, policySummaries } from "../../queries/policies/policies.ts";
import { MAX_QUERY_LENGTH, search, searchKinds, suggest } from "../../queries/search.ts";
import { accessibilityPage } from "../pages/index.ts";
import { csvResponse, initiativesCsv, observationsCsv } from "./csv.ts";
import { dataPage } from "./data.tsx";
import { documentPage } from "./document.tsx";
import { groundPage, groundsIndexPage } from "./ground.tsx";
import { publicHearingRoutes } from "./hearings/routes.tsx";
import { homePage } from "./home.tsx";
import { indicatorPage } from "./indicator.tsx";
import { initiativePage } from "./initiative.tsx";
import { initiativesPage, showsCurrentPolicies } from "./initiatives.tsx";
import { policiesPage } from "./policies.tsx";
import { policyPage } from "./policy.tsx";
import { publicInquiryRoutes } from "./publicInquiries.tsx";
import { createRenderCache } from "./renderCache.ts";
import { groundOfSlug, indicatorQuerySchema, initiativeQuerySchema, parseQuery } from "./schema.ts";
import { type SearchState, searchPage } from "./search.tsx";

const uuid = z.uuid();
/** Indicators whose rows are kept between their pages (some kB each). */
const INDICATORS_KEPT = 200;
/**
 * Organisations whose compressed open-data package is kept between downloads: a municipality's
 * is some hundred kB; 10,000 initiatives with 200,000 observations make 12 MB.
 */
const PACKAGES_KEPT = 16;

/** A path id that is not a UUID names nothing: 404, not a database error. */
function idParam(value: string, what: string): string {
  if (!uuid.safeParse(value).success) throw notFound(what);
  return value;
}

export function portalRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const threshold = suppressionThresholdOf(deps);
  const cache = createRenderCache({ maxBytes: renderCacheBytesOf(deps) });
  // What many pages of an organisation share, read once per registry generation (for this app,
  // like the render cache): the list of policies with their summaries, the current policies and
  // the initiative filter's options, and the initiatives with their budget lines, from which
  // every filter, sort order, page and CSV of the list is answered without a query.
  const summariesOf = memoByGeneration(policySummaries, (t: number) => String(t));
  const currentOf = memoByGeneration((ctx, year: number) => currentPolicies(ctx, year), String);
  const filterOptionsOf = memoByGeneration(filterOptions);
  const browseSetOf = memoByGeneration(loadBrowseSet);
  // An indicator's page, its breakdowns and its CSV read the same rows.
  const indicatorOf = memoByGeneration((ctx, id: string) => indicatorDetail(ctx, id, threshold), String, {
    limit: INDICATORS_KEPT,
  });
  // The open-data package's files, compressed, until the organisation's next write: a download
  // zips the kept files again (headers around their bytes), and downloads at once share one read.
  const packageOf = memoByGeneration(
    (ctx) => compressedPackage(ctx, { suppressionThreshold: threshold }),
    () => "",
    { limit: PACKAGES_KEPT },
  );
  const html = htmlResponse;

  app.use("*", async (c, next) => {
    if (c.req.path.startsWith("/api/") || c.req.path.startsWith("/admin")) return next();
    return cache.middleware(c, next);
  });

  app.get("/", async (c) => {
    const policies = await summariesOf(c.get("ctx"), threshold);
    return html(homePage({ organisation: organisationName(c), policies, year: new Date().getUTCFullYear() }));
  });

  app.get("/politikker", async (c) => {
    const policies = await summariesOf(c.get("ctx"), threshold);
    return html(
      policiesPage({ organisation: organisationName(c), policies, year: new Date().getUTCFullYear() }),
    );
  });

  app.get("/politikker/:slug", async (c) => {
    const detail = await policyDetail(c.get("ctx"), c.req.param("slug"), threshold);
    if (!detail) throw notFound("The policy");
    return html(policyPage({ organisation: organisationName(c), detail, threshold }));
  });

  app.get("/indikatorer/:id", async (c) => {
    const raw = c.req.param("id");
    const csv = raw.endsWith(".csv");
    const id = idParam(csv ? raw.slice(0, -4) : raw, "The indicator");
    const query = parseQuery(indicatorQuerySchema, (name) => c.req.query(name));
    const detail = await indicatorOf(c.get("ctx"), id);
    if (!detail) throw notFound("The indicator");
    if (csv || query.format === "csv") {
      const rows = detail.indicator.observations.filter(
        (o) => query.opdeling === undefined || o.disaggregation === query.opdeling,
      );
      return csvResponse(observationsCsv(detail.indicator, rows, threshold), `indikator-${id}.csv`);
    }
    return html(
      indicatorPage({
        organisation: organisationName(c),
        detail,
        breakdown: query.opdeling ?? "",
        threshold,
      }),
    );
  });

  app.get("/initiativer", async (c) => {
    const ctx = c.get("ctx");
    const query = parseQuery(initiativeQuerySchema, (name) => c.req.query(name));
    const [current, set] = await Promise.all([
      currentOf(ctx, Number(todayInDenmark().slice(0, 4))),
      browseSetOf(ctx),
    ]);
    const onlyCurrent = showsCurrentPolicies(query);
    const filter = {
      policyIds: onlyCurrent ? current.ids : undefined,
      administration: query.forvaltning,
      policy: query.politik,
      ground: groundOfSlug(query.grund),
      funding: query.finansiering,
      status: query.status,
      year: query.aar,
      sort: query.sortering,
      dir: query.retning,
      page: query.side,
    };
    if (query.format === "csv") {
      const rows = browseAll(set, filter);
      const money = moneyOfInitiatives(
        set,
        rows.map((r) => r.id),
        query.aar,
      );
      return csvResponse(initiativesCsv(rows, money), "initiativer.csv");
    }
    const options = await filterOptionsOf(ctx);
    return html(
      initiativesPage({
        organisation: organisationName(c),
        query,
        browse: browse(set, filter),
        options,
        current: onlyCurrent ? current : undefined,
      }),
    );
  });

  app.get("/initiativer/:id", async (c) => {
    const detail = await initiativeDetail(c.get("ctx"), idParam(c.req.param("id"), "The initiative"));
    if (!detail) throw notFound("The initiative");
    return html(initiativePage({ organisation: organisationName(c), detail }));
  });

  app.get("/dokumenter/:id", async (c) => {
    const detail = await documentWithSources(c.get("ctx"), idParam(c.req.param("id"), "The document"));
    if (!detail) throw notFound("The document");
    return html(documentPage({ organisation: organisationName(c), detail }));
  });

  app.get("/ligestillingsgrunde", (c) => html(groundsIndexPage({ organisation: organisationName(c) })));

  app.get("/ligestillingsgrunde/:slug", async (c) => {
    const ground = groundOfSlug(c.req.param("slug"));
    if (!ground) throw notFound("The equality ground");
    const overview = await groundOverview(c.get("ctx"), ground, browseSetOf);
    return html(groundPage({ organisation: organisationName(c), ground, overview }));
  });

  app.get("/soeg", async (c) => {
    const q = (c.req.query("q") ?? "").trim();
    let state: SearchState;
    if (q === "") state = { kind: "empty" };
    else if (q.length > MAX_QUERY_LENGTH) state = { kind: "too_long", q: q.slice(0, MAX_QUERY_LENGTH) };
    else {
      const ctx = c.get("ctx");
      const only = searchKinds.find((k) => k === c.req.query("type"));
      const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query("side") ?? "1", 10) || 1));
      const result = await search(ctx, q, only ? { only, page } : {});
      const suggestion = result.total === 0 ? await suggest(ctx, q) : undefined;
      state = {
        kind: "results",
        q,
        result,
        ...(only ? { only, page } : {}),
        ...(suggestion ? { suggestion } : {}),
      };
    }
    return html(searchPage({ organisation: organisationName(c), state }));
  });

  app.get("/data", (c) => html(dataPage({ organisation: organisationName(c), resources, threshold })));

  app.get("/data/pejl-datapakke.zip", async (c) => {
    const zip = packageZip(await packageOf(c.get("ctx")));
    return new Response(streamOf(zip), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": 'attachment; filename="pejl-datapakke.zip"',
      },
    });
  });

  app.get("/data/datapackage.json", async (c) => {
    // The descriptor names the resources and the organisation; it reads none of their rows.
    const descriptor = await descriptorText(c.get("ctx"), { suppressionThreshold: threshold });
    return new Response(descriptor, {
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  });

  app.get("/data/:file", async (c) => {
    const file = c.req.param("file");
    const name = file.endsWith(".csv") ? file.slice(0, -4) : "";
    if (!resources.some((r) => r.name === name)) throw notFound("The resource");
    return csvResponse(await resourceCsv(c.get("ctx"), name, { suppressionThreshold: threshold }), file);
  });

  app.get("/tilgaengelighed", (c) => html(accessibilityPage({ organisation: organisationName(c) })));

  app.route("/", publicInquiryRoutes());
  app.route("/", publicHearingRoutes(deps));

  return app;
}
