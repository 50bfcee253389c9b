// The one input boundary: every request passes here before any route sees it.
// The body is held to a size limit as it streams in; every string a route can
// read (path, query, form fields, multipart fields and file names, JSON) must be
// valid UTF-8 without NUL (PostgreSQL cannot store 0x00 in text); and a body
// that its parser cannot read is a 400 here, so no route meets a parser's error.
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../errors.ts";
import { uploadBodyLimit } from "./upload.ts";

/** Forms and JSON carry typed text, never files: 1 MB is hundreds of pages. */
export const FORM_LIMIT_BYTES = 1024 * 1024;

export const badInput = (message: string, danish: string) =>
  new AppError("validation_failed", message, { danish });

const badText = () =>
  badInput(
    "The request holds a NUL character or text that is not valid UTF-8.",
    "Forespørgslen indeholder et ugyldigt tegn (NUL) eller tekst, der ikke er gyldig UTF-8.",
  );

/** A decoded string a route may use: well-formed UTF-16 (no lone surrogate) and no NUL. */
function checkText(text: string): void {
  if (text.includes("\u0000") || !text.isWellFormed()) throw badText();
}

/** Strict percent-decoding: a malformed escape or invalid UTF-8 is refused, not passed on raw. */
function decodeComponent(raw: string, plusIsSpace: boolean): string {
  let text: string;
  try {
    text = decodeURIComponent(plusIsSpace ? raw.replaceAll("+", " ") : raw);
  } catch {
    throw badText();
  }
  checkText(text);
  return text;
}

function checkUrl(url: string): void {
  const { pathname, search } = new URL(url);
  for (const segment of pathname.split("/")) decodeComponent(segment, false);
  for (const pair of search.slice(1).split("&")) {
    for (const part of pair.split("=")) decodeComponent(part, true);
  }
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

function decodeUtf8(bytes: ArrayBuffer): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw badText();
  }
}

/** Deeper than any body Pejl reads; a deeper one would only exercise recursion in parsers and validators. */
const MAX_JSON_DEPTH = 32;

/** Every string (keys too) in a parsed JSON value; iterative, as a body may nest deeply. */
function checkJson(value: unknown): void {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item === "string") checkText(item);
    else if (item && typeof item === "object") {
      if (depth >= MAX_JSON_DEPTH)
        throw badInput(
          `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
          "Indholdet er for dybt indlejret.",
        );
      for (const [key, inner] of Object.entries(item)) {
        if (!Array.isArray(item)) checkText(key);
        stack.push([inner, depth + 1]);
      }
    }
  }
}

/**
 * A multipart text field is decoded by the platform's parser, which turns invalid
 * UTF-8 into U+FFFD. A field with U+FFFD is genuine only if the body holds those
 * exact bytes (someone typed the replacement character); otherwise it was invalid.
 */
function checkMultipartText(text: string, body: Buffer): void {
  checkText(text);
  if (text.includes("\uFFFD") && !body.includes(Buffer.from(text, "utf8"))) throw badText();
}

async function checkForm(c: HonoContext, multipart: boolean): Promise<void> {
  const bytes = await c.req.arrayBuffer();
  if (!multipart) {
    for (const pair of decodeUtf8(bytes).split("&")) {
      for (const part of pair.split("=")) decodeComponent(part, true);
    }
    return;
  }
  let form: Record<string, unknown>;
  try {
    // Parsed once here; routes' parseBody() reuses Hono's cached form data.
    form = await c.req.parseBody({ all: true });
  } catch {
    throw badInput(
      "The multipart body could not be read: it is truncated or malformed.",
      "Formularens indhold kunne ikke læses: det er afkortet eller ugyldigt. Prøv at sende formularen igen.",
    );
  }
  const body = Buffer.from(bytes);
  for (const [name, values] of Object.entries(form)) {
    checkMultipartText(name, body);
    for (const value of [values].flat()) {
      if (typeof value === "string") checkMultipartText(value, body);
      else if (value instanceof File) checkMultipartText(value.name, body);
    }
  }
}

async function checkJsonBody(c: HonoContext): Promise<void> {
  const text = decodeUtf8(await c.req.arrayBuffer());
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badInput("The body is not valid JSON.", "Indholdet er ikke gyldig JSON.");
  }
  checkJson(value);
}

const formBodyLimit = bodyLimit({
  maxSize: FORM_LIMIT_BYTES,
  onError: () => {
    throw new AppError("too_large", `The request body is larger than ${FORM_LIMIT_BYTES / 1024 / 1024} MB.`, {
      danish: "Formularens indhold er for stort.",
    });
  },
});

type BodyKind = "form" | "multipart" | "json" | "raw";

function bodyKind(contentType: string | undefined): BodyKind {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return "form";
  if (type === "multipart/form-data") return "multipart";
  if (type === "application/json" || type.endsWith("+json")) return "json";
  // Raw bodies are uploaded documents (the API's ?filename=): bytes, read by the importer.
  return "raw";
}

/**
 * The boundary middleware. `uploadLimitBytes` bounds multipart and raw bodies
 * (documents); forms and JSON are held to FORM_LIMIT_BYTES.
 */
export function inputBoundary(opts: { uploadLimitBytes: number }): MiddlewareHandler {
  const uploadLimit = uploadBodyLimit(opts.uploadLimitBytes);
  return async (c, next) => {
    checkUrl(c.req.url);
    if (!c.req.raw.body || c.req.method === "GET" || c.req.method === "HEAD") return next();
    const kind = bodyKind(c.req.header("content-type"));
    const small = kind === "form" || kind === "json";
    const limited = small ? formBodyLimit : uploadLimit;
    return limited(c, async () => {
      if (kind === "form" || kind === "multipart") await checkForm(c, kind === "multipart");
      else if (kind === "json") await checkJsonBody(c);
      await next();
    });
  };
}
