// The OpenAPI 3.1 document of the public API, generated from the routes' zod schemas.
// Its texts are Danish: the documentation page at /api is rendered from it.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/appEnv.ts";
import { LICENCE } from "../opendata/descriptor.ts";
import { apiResources } from "./resources/index.ts";
import { DEFAULT_LIMIT, MAX_LIMIT } from "./schema.ts";
import { TOKEN_TAG } from "./writeDocs.ts";

export const API_VERSION = "1.0.0";

/** The rules every list and read follows, for the document's description and the page. */
export const apiRules = {
  pagination: [
    `Alle lister er sorteret efter id og deles i sider. \`limit\` bestemmer sidens længde (1–${MAX_LIMIT}, standard ${DEFAULT_LIMIT}).`,
    'Svaret har feltet `next` med adressen på næste side (og samme adresse i headeren `Link` med `rel="next"`); på sidste side er `next` null.',
    "`next` indeholder en `cursor`: en uigennemsigtig markør for den sidste række på siden. Hent siden efter ved at kalde `next` uændret; rækker, der kommer til undervejs, dukker op på en senere side, og ingen række gentages.",
  ],
  caching: [
    "Alle svar har en ETag. Send den tilbage i `If-None-Match`, og svaret er `304 Not Modified` uden indhold, hvis intet er ændret.",
    "`Cache-Control: public, max-age=60`: et svar må genbruges i op til 60 sekunder.",
    "CORS er slået til for GET, HEAD og OPTIONS fra alle domæner, uden cookies eller andre legitimationsoplysninger.",
  ],
  errors: [
    'En ugyldig eller ukendt parameter giver `400` med `{ "error": { "id": "validation_failed", "message", "details" } }`; `details` har én linje pr. parameter.',
    'Et id, der ikke findes i denne kommune, giver `404` med `{ "error": { "id": "not_found", … } }`.',
  ],
  data: [
    "Id'er og feltnavne er de samme som i de åbne data (datapakken på /data): samme række har samme id begge steder.",
    "Forvaltninger og udvalg angives med deres kode (fx BIF, ØU). Beløb er i hele kroner, årsværk som decimaltal.",
    "Kun offentlige, samlede tal: en måling med n under diskretionsgrænsen har `suppressed: true` og hverken værdi eller n.",
  ],
};

export function buildOpenApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Pejl API",
      version: API_VERSION,
      description: [
        "Et åbent API til kommunens politikker for ligestilling og inklusion: projektbanken (initiativer, økonomi, årlige mål) og barometeret (målsætninger, indikatorer, målinger). Alle kan læse uden login; at ændre noget (import af dokumenter, gennemgangskøen, registret) kræver en API-nøgle til en koordinator eller administrator.",
        ...apiRules.pagination,
        ...apiRules.caching,
        ...apiRules.errors,
        ...apiRules.data,
      ].join("\n\n"),
      // The licence of the data, as in the open-data package.
      license: { name: LICENCE.title, url: LICENCE.path },
    },
    servers: [{ url: "/api", description: "Denne server" }],
    tags: [
      ...apiResources.map((r) => ({ name: r.title, description: r.description })),
      {
        name: TOKEN_TAG,
        description:
          "Til koordinatorer og administratorer, med en API-nøgle: import af dokumenter og gennemgangskøen. Disse svar caches ikke.",
      },
    ],
  });
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
