// The one errors module: every failure a person can meet has a stable id, an
// HTTP status, an English message (API, CLI) and a Danish one (web pages).
import { ZodError } from "zod";

export type ErrorId =
  | "validation_failed"
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "conflict"
  | "stale_version"
  | "duplicate"
  | "database_in_use"
  | "bad_package"
  | "bad_document"
  | "too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "invalid_state"
  | "internal";

const statusById: Record<ErrorId, number> = {
  validation_failed: 400,
  bad_package: 400,
  bad_document: 422,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  stale_version: 409,
  duplicate: 409,
  invalid_state: 409,
  database_in_use: 503,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

const danishById: Record<ErrorId, string> = {
  validation_failed: "Oplysningerne er ikke gyldige.",
  bad_package: "Datapakken kan ikke indlæses.",
  bad_document: "Dokumentet kan ikke læses.",
  not_found: "Siden findes ikke.",
  forbidden: "Du har ikke adgang til dette.",
  unauthenticated: "Du skal logge ind.",
  conflict: "Handlingen kan ikke gennemføres, fordi data har ændret sig.",
  stale_version: "En anden har gemt en ændring, siden du åbnede siden. Se ændringen, og gem igen.",
  duplicate: "Det findes allerede.",
  invalid_state: "Handlingen er ikke mulig i den nuværende tilstand.",
  database_in_use: "Databasen er i brug af en anden proces.",
  too_large: "Filen er for stor.",
  unsupported_media_type: "Indholdet har en type, der ikke kan modtages.",
  rate_limited: "For mange forsøg. Vent lidt, og prøv igen.",
  internal: "Der opstod en fejl hos os. Prøv igen senere.",
};

/**
 * Why a document could not be read, in Danish, by the reader's stable code (a bad_document's
 * cause); more precise than the id's own text.
 */
const danishByReadCode: Record<string, string> = {
  empty_file: "Filen er tom.",
  unsupported_type: "Filtypen kan ikke læses. Brug PDF, Word (DOCX), HTML, Markdown eller tekst.",
  pdf_encrypted:
    "PDF-filen er krypteret eller beskyttet med adgangskode. Gem den uden beskyttelse, og prøv igen.",
  pdf_corrupt: "PDF-filen er beskadiget og kan ikke læses.",
  pdf_no_text:
    "Der er ingen tekst i PDF-filen – den er måske scannet. Pejl kan ikke læse scannede dokumenter.",
  pdf_too_many_pages: "PDF-filen har for mange sider.",
  docx_too_large: "Word-filen pakker ud til mere, end Pejl tillader.",
  docx_corrupt: "Word-filen er beskadiget og kan ikke læses.",
  timeout: "Det tog for lang tid at læse dokumentet.",
};

/** An error's Danish text; for a document that could not be read, the reader's reason. */
export function danishReason(error: AppError): string {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return (typeof code === "string" && danishByReadCode[code]) || error.danish;
}

/** The Danish text for an error id, for a page that names a problem without an AppError at hand. */
export function danishMessage(id: ErrorId): string {
  return danishById[id];
}

export interface ErrorDetail {
  path?: string;
  message: string;
  /** The same problem in Danish, for a page that shows it beside the field. */
  danish?: string;
}

export class AppError extends Error {
  readonly id: ErrorId;
  readonly status: number;
  readonly details: ErrorDetail[];
  readonly danish: string;

  constructor(
    id: ErrorId,
    message: string,
    opts: { details?: ErrorDetail[]; danish?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.id = id;
    this.status = statusById[id];
    this.details = opts.details ?? [];
    this.danish = opts.danish ?? danishById[id];
  }

  toJSON() {
    const details = this.details.map((d) =>
      d.path === undefined ? { message: d.message } : { path: d.path, message: d.message },
    );
    return { error: { id: this.id, message: this.message, details } };
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);

export const staleVersion = (what: string, expected: number, actual: number) =>
  new AppError(
    "stale_version",
    `${what} was changed by someone else (you edited version ${expected}, it is now version ${actual}). Reload it and apply your change again.`,
  );

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Any thrown value as an AppError; unknown errors become `internal` and keep their cause. */
/**
 * What went wrong, in words, for anything thrown: an Error's message, or for an object
 * that is not one (PGlite's file system throws `{ name: "ErrnoError", errno }`) its name
 * and fields, never "[object Object]".
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null) {
    const { name, message, stack: _stack, ...rest } = error as Record<string, unknown>;
    if (typeof message === "string" && message) return message;
    const fields = Object.entries(rest)
      .map(([key, value]) => `${key} ${String(value)}`)
      .join(", ");
    return `${typeof name === "string" ? name : "error"}${fields ? ` (${fields})` : ""}`;
  }
  return String(error);
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  // A schema's parse() that was not turned into a validation error where it ran: still the
  // request's fault, never a 500.
  if (error instanceof ZodError) return validationFailed(error.issues);
  return new AppError("internal", "An unexpected error occurred.", { cause: error });
}

/** A zod failure as a validation error naming each field. */
export function validationFailed(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): AppError {
  const details = issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ");
  return new AppError("validation_failed", `Invalid input: ${summary}`, { details });
}
