// One public API resource = two read routes: the list (/v1/<name>, filtered, paginated
// by cursor) and one row (/v1/<name>/{id}). Each resource declares its item schema, its
// filters, its queries and presenter; the routes and their OpenAPI description are made
// here, the same way for all, so every list paginates, validates and caches alike.
import { createRoute, type OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { notFound } from "../errors.ts";
import type { AppEnv } from "../http/appEnv.ts";
import { type ApiScope, encodeCursor, type Page, type PageRequest } from "../queries/keysetPage.ts";
import { ErrorBody, idParams, itemBody, listBody, pageQuery } from "./schema.ts";

export interface ApiResource<Item extends z.ZodObject, Filters extends z.ZodRawShape, Row> {
  /** The open-data resource name, also the path: /api/v1/<name>. */
  name: string;
  /** Component name in the OpenAPI document, e.g. "BudgetLine". */
  schemaName: string;
  /** Danish: one row with its article ("et initiativ") and the list's title ("Initiativer"). */
  singular: string;
  title: string;
  description: string;
  item: Item;
  filters: Filters;
  queries: {
    list(scope: ApiScope, filters: z.infer<z.ZodObject<Filters>>, page: PageRequest): Promise<Page<Row>>;
    get(scope: ApiScope, id: string): Promise<Row | undefined>;
  };
  present(row: Row, scope: ApiScope): z.infer<Item>;
  example: { query: Record<string, string>; item: z.infer<Item> };
}

/** Identity with type inference: keeps each declaration's presenter checked against its schema. */
export const defineResource = <Item extends z.ZodObject, Filters extends z.ZodRawShape, Row>(
  def: ApiResource<Item, Filters, Row>,
) => def;

// biome-ignore lint/suspicious/noExplicitAny: the list of resources mixes item, filter and row types
export type AnyResource = ApiResource<any, any, any>;

const errors = {
  400: { description: "Ugyldig parameter.", content: { "application/json": { schema: ErrorBody } } },
} satisfies RouteConfig["responses"];

const notModified = { 304: { description: "Uændret siden den ETag, der blev sendt i If-None-Match." } };

export interface ResourceRouteOptions {
  scope: (c: { get(key: "ctx"): AppEnv["Variables"]["ctx"] }) => ApiScope;
  /** CORS, ETag and caching for public reads, on these paths only (other routes share /api/v1). */
  middleware: MiddlewareHandler[];
}

/** The documentation's example request: an HTTP request line, as Redoc's x-codeSamples. */
const codeSample = (path: string) => [{ lang: "http", label: "Eksempel", source: `GET ${path}` }];

/** The read routes are open to anyone: an empty requirement says so (OpenAPI's "no security"). */
const open: { [name: string]: string[] }[] = [];

export function listRoute(def: AnyResource) {
  const query = new URLSearchParams({ ...def.example.query, limit: "1" });
  const path = `/api/v1/${def.name}?${query}`;
  return createRoute({
    method: "get",
    path: `/v1/${def.name}`,
    operationId: `list_${def.name}`,
    security: open,
    "x-codeSamples": codeSample(path),
    tags: [def.title],
    summary: `Hent ${def.title.toLowerCase()}`,
    description: def.description,
    request: { query: z.strictObject({ ...def.filters, ...pageQuery }) },
    responses: {
      200: {
        description: `En side af ${def.title.toLowerCase()}.`,
        content: {
          "application/json": {
            schema: listBody(def.item, def.schemaName),
            example: {
              data: [def.example.item],
              next: `${path}&cursor=${encodeCursor(def.example.item.id)}`,
            },
          },
        },
      },
      ...notModified,
      ...errors,
    },
  });
}

export function getRoute(def: AnyResource) {
  return createRoute({
    method: "get",
    path: `/v1/${def.name}/{id}`,
    operationId: `get_${def.name}`,
    security: open,
    "x-codeSamples": codeSample(`/api/v1/${def.name}/${def.example.item.id}`),
    tags: [def.title],
    summary: `Hent ${def.singular}`,
    description: `Hent ${def.singular} ud fra id'et.`,
    request: { params: idParams },
    responses: {
      200: {
        description: "Rækken.",
        content: {
          "application/json": {
            schema: itemBody(def.item, def.schemaName),
            example: { data: def.example.item },
          },
        },
      },
      ...notModified,
      ...errors,
      404: {
        description: "Ingen række med det id i denne kommune.",
        content: { "application/json": { schema: ErrorBody } },
      },
    },
  });
}

/** The `next` link: this request's path and query with the cursor of the following page. */
function nextLink(url: string, cursor: string | null): string | null {
  if (!cursor) return null;
  const next = new URL(url);
  next.searchParams.set("cursor", cursor);
  return `${next.pathname}${next.search}`;
}

export function registerResource(app: OpenAPIHono<AppEnv>, def: AnyResource, opts: ResourceRouteOptions) {
  const list = listRoute(def);
  const get = getRoute(def);
  app.use(list.getRoutingPath(), ...opts.middleware);
  app.use(get.getRoutingPath(), ...opts.middleware);
  app.openapi(list, async (c) => {
    const scope = opts.scope(c);
    const { limit, cursor, ...filters } = c.req.valid("query") as Record<string, unknown> & PageRequest;
    const page = await def.queries.list(scope, filters, { limit, cursor });
    const next = nextLink(c.req.url, page.next);
    if (next) c.header("Link", `<${next}>; rel="next"`);
    return c.json({ data: page.rows.map((row) => def.present(row, scope)), next }, 200);
  });
  app.openapi(get, async (c) => {
    const scope = opts.scope(c);
    const row = await def.queries.get(scope, c.req.valid("param").id);
    if (!row) throw notFound(`${def.name}/${c.req.valid("param").id}`);
    return c.json({ data: def.present(row, scope) }, 200);
  });
}
