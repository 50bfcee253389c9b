// The authenticated routes under /api/v1 (writeRoutes.ts: upload and review queue) in
// the OpenAPI document, so that it describes every route under /api/v1. They are
// served by writeRoutes; here they are only described, from the same request schemas.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/appEnv.ts";
import { queueQuerySchema, reviewBodySchema } from "./adminSchemas.ts";
import { ErrorBody } from "./schema.ts";

export const TOKEN_TAG = "Med API-nøgle";

const json = (description: string) => ({
  description,
  content: { "application/json": { schema: { type: "object" as const } } },
});
const error = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});

const authErrors = {
  401: error("Ingen eller ugyldig API-nøgle."),
  403: error("Nøglens bruger må ikke dette (kun koordinatorer og administratorer)."),
};

export function describeWriteRoutes(app: OpenAPIHono<AppEnv>) {
  const registry = app.openAPIRegistry;
  registry.registerComponent("securitySchemes", "apiToken", {
    type: "http",
    scheme: "bearer",
    description: "En API-nøgle, som en administrator har udstedt: `Authorization: Bearer <nøgle>`.",
  });
  const security = [{ apiToken: [] }];

  registry.registerPath({
    method: "post",
    path: "/v1/documents",
    operationId: "import_document",
    tags: [TOKEN_TAG],
    summary: "Importér et dokument",
    description:
      "Læser en politik, handleplan, et høringssvar eller et svar (PDF, DOCX, HTML, Markdown eller tekst) og lægger det genkendte i gennemgangskøen. Send filen som feltet `file` (multipart/form-data) eller som selve indholdet med `?filename=NAVN`. Det samme dokument to gange ændrer intet.",
    security,
    request: {
      body: {
        content: {
          "multipart/form-data": {
            schema: { type: "object", properties: { file: { type: "string", format: "binary" } } },
          },
          "application/octet-stream": { schema: { type: "string", format: "binary" } },
        },
      },
    },
    responses: {
      201: json("Dokumentet er importeret: hvad der blev genkendt, advarsler og ændringer."),
      200: json("Dokumentet var importeret i forvejen; intet er ændret."),
      400: error("Ingen fil i forespørgslen."),
      ...authErrors,
      413: error("Filen er større end grænsen."),
      422: error("Dokumentet kan ikke læses (krypteret, beskadiget eller uden tekst)."),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/v1/candidates",
    operationId: "list_candidates",
    tags: [TOKEN_TAG],
    summary: "Hent gennemgangskøen",
    description: "De genkendte, endnu ikke godkendte forslag med deres kilder og sikkerhed, side for side.",
    security,
    request: { query: queueQuerySchema },
    responses: { 200: json("En side af køen."), 400: error("Ugyldig parameter."), ...authErrors },
  });

  registry.registerPath({
    method: "post",
    path: "/v1/candidates/review",
    operationId: "review_candidates",
    tags: [TOKEN_TAG],
    summary: "Godkend eller afvis forslag",
    description:
      "Godkender eller afviser forslag, enkeltvis (ids) eller samlet (dokument, slags, mindste sikkerhed).",
    security,
    request: { body: { content: { "application/json": { schema: reviewBodySchema } } } },
    responses: {
      200: json("Hvor mange der blev godkendt og afvist, og hvilke der blev sprunget over."),
      400: error("Ugyldig forespørgsel."),
      ...authErrors,
      409: error("Forslaget er ændret af en anden siden; hent det igen."),
    },
  });
}
