// The zod pieces every API resource shares: ids, the cursor, the list and item
// envelopes and the error body. The OpenAPI document is generated from these, so the
// texts (descriptions) are Danish: they also make up the human documentation at /api.
import { z } from "@hono/zod-openapi";
import { decodeCursor } from "../queries/keysetPage.ts";

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A row's UUID: the same identifier as in the open-data package. */
export const zId = z
  .string()
  .regex(UUID, "must be a UUID")
  .openapi({ format: "uuid", example: "3f1c2a9e-5b7d-4c1e-9a0b-2d4e6f8a1c3e" });

export const zDate = z.string().openapi({ format: "date", example: "2024-03-01" });
export const zYear = z.coerce.number().int().min(1900).max(2200);

/** A filter by an administration's or committee's code (BIF, ØKF …). */
export const zCode = (description: string, example: string) =>
  z.string().trim().min(1).max(20).openapi({ description, example });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).openapi({
    description: "Antal rækker pr. side.",
    example: 50,
  }),
  cursor: z
    .string()
    .max(200)
    .refine((value) => decodeCursor(value) !== null, "is not a cursor returned by this API")
    .optional()
    .openapi({
      description: "Markøren fra forrige sides `next`; udelad den for at få første side.",
      example: "M2YxYzJhOWUtNWI3ZC00YzFlLTlhMGItMmQ0ZTZmOGExYzNl",
    }),
};

export const idParams = z.object({
  id: zId.openapi({ param: { name: "id", in: "path" }, description: "Rækkens id (UUID)." }),
});

export const ErrorBody = z
  .object({
    error: z.object({
      id: z.string().openapi({ description: "Fast fejlkode, fx `validation_failed` eller `not_found`." }),
      message: z.string().openapi({ description: "Forklaring på engelsk." }),
      details: z
        .array(z.object({ path: z.string().optional(), message: z.string() }))
        .optional()
        .openapi({ description: "Én linje pr. ugyldig parameter." }),
    }),
  })
  .openapi("Error", {
    example: {
      error: {
        id: "validation_failed",
        message: "Invalid input: limit: Too big: expected number to be <=500",
        details: [{ path: "limit", message: "Too big: expected number to be <=500" }],
      },
    },
  });

export function listBody<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      next: z
        .string()
        .nullable()
        .openapi({ description: "Adressen på næste side, eller null på sidste side." }),
    })
    .openapi(`${name}List`);
}

export function itemBody<T extends z.ZodType>(item: T, name: string) {
  return z.object({ data: item }).openapi(`${name}Item`);
}
