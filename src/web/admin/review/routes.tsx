// Routes of the review queue. Thin: the candidate rule (a queue only staff
// see: 404 for others) → zod → candidateReviewer → redirect, or the page
// again with a Danish message when the review could not be done.

import type { Context as HonoContext } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { authorize } from "../../../authz/can.ts";
import { candidateReviewer } from "../../../commands/candidateReviewer.ts";
import { targetChoice } from "../../../commands/review/targetChoice.ts";
import { formatNumber } from "../../../domain/format.ts";
import { AppError, isAppError } from "../../../errors.ts";
import { placementOptions } from "../../../queries/candidatePlacements.ts";
import { candidateById, queueIds, queueNeighbours, reviewQueuePage } from "../../../queries/candidates.ts";
import { listDocumentOptions } from "../../../queries/documents.ts";
import { candidateEditPage, type EditView } from "./pages/candidateEdit.tsx";
import { selectedTarget } from "./pages/candidateTarget.tsx";
import { type QueueView, queueQuery, reviewPage } from "./pages/queuePage.tsx";
import { editableFields, parseEditedFields } from "./schema.ts";

const queueQueryOf = (view: QueueView["filter"]) => queueQuery(view).replace(/^\?/, "");

import { link } from "../../../http/links.ts";
import type { AdminPageFor } from "../routes.tsx";

const PAGE_SIZE = 20;

const filterSchema = z.object({
  dokument: z
    .uuid()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  slags: z.string().trim().max(50).optional(),
  sikkerhed: z.enum(["", "0.5", "0.7", "0.9"]).optional(),
  side: z.coerce.number().int().min(1).max(100_000).default(1),
});

const actionSchema = z.object({
  handling: z.enum(["accept", "reject", "compare"]),
  version: z.coerce.number().int().positive().optional(),
  tilbage: z.string().max(1000).optional(),
});

function parseFilter(input: Record<string, unknown>) {
  const parsed = filterSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError("validation_failed", "Invalid filter.", {
      danish: "Filteret er ikke gyldigt. Vælg dokument, slags og sikkerhed i listerne.",
    });
  const f = parsed.data;
  return {
    view: { dokument: f.dokument, slags: f.slags || undefined, sikkerhed: f.sikkerhed || undefined },
    query: {
      documentId: f.dokument,
      entity: f.slags || undefined,
      minConfidence: f.sikkerhed ? Number(f.sikkerhed) : undefined,
    },
    page: f.side,
  };
}

/** Only a path back into the queue may be followed after a review. */
const safeBack = (back: unknown) =>
  typeof back === "string" && /^\/admin\/forslag(\?[\w\-=&%.]*)?$/.test(back) ? back : "/admin/forslag";

/** Danish for why a review could not be done. */
export function reviewProblem(error: AppError): string {
  switch (error.id) {
    case "stale_version":
      return "En anden har gennemgået eller rettet forslaget, siden du åbnede siden. Se forslaget igen, før du godkender eller afviser det.";
    case "not_found":
      return "Forslaget er ikke længere i køen. En anden har måske allerede godkendt eller afvist det.";
    case "invalid_state":
      return "Forslaget kan ikke godkendes, før det, det hører under (fx politikken, temaet eller initiativet), er godkendt. Godkend det først.";
    case "validation_failed":
      return "Felterne er ikke gyldige. Ret dem, og prøv igen.";
    default:
      return error.danish;
  }
}

// The outcome travels in the redirect as numbers only, so a crafted link
// cannot put words of its own on the page.
function resultParams(r: { accepted: number; rejected: number; skipped: unknown[] }) {
  return { godkendt: String(r.accepted), afvist: String(r.rejected), sprunget: String(r.skipped.length) };
}

function resultText(query: Record<string, string | undefined>): string | undefined {
  const n = (k: string) => {
    const v = Number(query[k] ?? "0");
    return Number.isInteger(v) && v >= 0 ? v : 0;
  };
  if (query.godkendt === undefined && query.afvist === undefined) return undefined;
  const parts: string[] = [];
  if (n("godkendt")) parts.push(`${formatNumber(n("godkendt"), 0)} godkendt`);
  if (n("afvist")) parts.push(`${formatNumber(n("afvist"), 0)} afvist`);
  if (n("sprunget"))
    parts.push(
      `${formatNumber(n("sprunget"), 0)} sprunget over, fordi det, de hører under, endnu ikke er godkendt`,
    );
  return parts.length ? `Forslag: ${parts.join(", ")}.` : "Intet blev ændret.";
}

export function reviewRoutes(pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();

  async function renderQueue(
    c: HonoContext<AuthEnv>,
    input: Record<string, unknown>,
    notice?: QueueView["notice"],
    status: 200 | 400 | 404 | 409 | 422 = 200,
  ) {
    const ctx = c.get("ctx");
    const filter = parseFilter(input);
    const [queue, documents] = await Promise.all([
      reviewQueuePage(ctx, filter.query, { number: filter.page, size: PAGE_SIZE }),
      listDocumentOptions(ctx),
    ]);
    const view: QueueView = {
      filter: filter.view,
      page: filter.page,
      pageSize: PAGE_SIZE,
      documents,
      notice,
    };
    return c.html(reviewPage(pageFor(c), queue, view), status);
  }

  app.use("/forslag/*", async (c, next) => {
    authorize(c.get("ctx").actor, "review", { entity: "candidate" }, { hidden: true });
    await next();
  });
  app.use("/forslag", async (c, next) => {
    authorize(c.get("ctx").actor, "review", { entity: "candidate" }, { hidden: true });
    await next();
  });

  app.get("/forslag", (c) => {
    const done = resultText(c.req.query());
    const notice = done ? { variant: "success" as const, text: done } : undefined;
    return renderQueue(c, c.req.query(), notice);
  });

  app.post("/forslag/alle", async (c) => {
    const body = await c.req.parseBody();
    const action = z.object({ handling: z.enum(["accept", "reject"]) }).parse(body);
    const filter = parseFilter(body);
    const expected = Number(body.antal);
    const ids = await queueIds(c.get("ctx"), filter.query);
    // The queue changed since the page was shown: acting on it would accept
    // or reject candidates the user never saw.
    if (ids.length !== expected)
      return renderQueue(
        c,
        body,
        {
          variant: "error",
          text: `Køen har ændret sig, siden du åbnede siden: filteret matcher nu ${formatNumber(ids.length, 0)} forslag. Se listen igen, og prøv igen.`,
        },
        409,
      );
    if (ids.length === 0) return c.redirect(link("/admin/forslag"), 303);
    const result = await candidateReviewer(c.get("ctx"), { action: action.handling, ids });
    const params = new URLSearchParams({
      ...Object.fromEntries(new URLSearchParams(queueQueryOf(filter.view))),
      ...resultParams(result),
    });
    return c.redirect(link(`/admin/forslag?${params}`), 303);
  });

  /** The edit page of a pending candidate, with its place picker and its neighbours in the queue. */
  async function renderEdit(
    c: HonoContext<AuthEnv>,
    row: NonNullable<Awaited<ReturnType<typeof candidateById>>>,
    view: Omit<EditView, "places" | "neighbours" | "target"> & {
      /** The candidate's values with the user's edits, for the comparison with the row it updates. */
      proposed?: Record<string, unknown>;
    },
    status: 200 | 400 | 404 | 409 | 422 = 200,
  ) {
    const ctx = c.get("ctx");
    let filter: ReturnType<typeof parseFilter>["query"] = {
      documentId: undefined,
      entity: undefined,
      minConfidence: undefined,
    };
    try {
      filter = parseFilter(Object.fromEntries(new URL(view.back, "http://x").searchParams)).query;
    } catch {
      // A back link with a filter of its own making: neighbours in the whole queue.
    }
    const [places, neighbours, choice] = await Promise.all([
      row.needsPlace ? placementOptions(ctx, row.entity) : Promise.resolve(undefined),
      queueNeighbours(ctx, row.id, filter),
      targetChoice(ctx, row.id),
    ]);
    const { proposed, ...rest } = view;
    const sent = view.values?.opdaterer;
    const target =
      choice && choice.options.length > 0
        ? {
            choice,
            selected: selectedTarget(choice, typeof sent === "string" ? sent : undefined),
            proposed: proposed ?? row.fields,
            fields: editableFields(row.entity, row.fields).map(([key]) => key),
          }
        : undefined;
    return c.html(candidateEditPage(pageFor(c), row, { ...rest, places, neighbours, target }), status);
  }

  app.get("/forslag/:id", async (c) => {
    const id = z.uuid().safeParse(c.req.param("id"));
    if (!id.success) throw new AppError("not_found", "No such candidate.");
    const row = await candidateById(c.get("ctx"), id.data);
    if (row?.state !== "pending") throw new AppError("not_found", "No such candidate.");
    return renderEdit(c, row, { back: safeBack(c.req.query("tilbage")) });
  });

  app.post("/forslag/:id", async (c) => {
    const id = z.uuid().safeParse(c.req.param("id"));
    if (!id.success) throw new AppError("not_found", "No such candidate.");
    const body = await c.req.parseBody({ all: true });
    // Repeated names are the ticked boxes of one field; anything else is taken once.
    const single = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    const action = actionSchema.safeParse(single);
    if (!action.success) throw new AppError("validation_failed", "Unknown review action.");
    const back = safeBack(action.data.tilbage);
    const ctx = c.get("ctx");
    const editing = single.ret === "1";
    let fields: Record<string, unknown> | undefined;
    let parentId: string | undefined;
    let target: string | undefined;
    const row = editing ? await candidateById(ctx, id.data) : null;
    if (editing && row?.state !== "pending") throw new AppError("not_found", "No such candidate.");
    if (action.data.handling === "compare") {
      // Nothing is written: the page again, comparing the row the user chose, with their edits kept.
      if (!row) throw new AppError("validation_failed", "Unknown review action.");
      const parsed = parseEditedFields(row.entity, row.fields, body);
      return renderEdit(c, row, {
        back,
        values: body,
        errors: parsed.errors,
        proposed: { ...row.fields, ...parsed.fields },
      });
    }
    if (row && action.data.handling === "accept") {
      const parsed = parseEditedFields(row.entity, row.fields, body);
      const chosen = typeof single.opdaterer === "string" ? single.opdaterer : "";
      if (chosen && chosen !== "new" && !z.uuid().safeParse(chosen).success)
        parsed.errors.push({
          fieldId: "f-opdaterer",
          message: "Vælg en post på listen, eller opret som ny.",
        });
      const place = typeof single.placering === "string" ? single.placering : "";
      if (place && !z.uuid().safeParse(place).success)
        parsed.errors.push({ fieldId: "f-placering", message: "Vælg en placering på listen." });
      if (row.needsPlace && !place)
        parsed.errors.push({
          fieldId: "f-placering",
          message: "Vælg, hvor forslaget skal placeres: et initiativ eller en politik.",
        });
      if (parsed.errors.length)
        return renderEdit(
          c,
          row,
          { back, values: body, errors: parsed.errors, proposed: { ...row.fields, ...parsed.fields } },
          400,
        );
      fields = parsed.fields;
      parentId = place || undefined;
      target = chosen || undefined;
    }
    try {
      const result = await candidateReviewer(ctx, {
        action: action.data.handling,
        ids: [id.data],
        version: action.data.version,
        fields,
        parentId,
        target,
      });
      const url = new URL(back, "http://x");
      for (const [k, v] of Object.entries(resultParams(result))) url.searchParams.set(k, v);
      return c.redirect(link(`${url.pathname}${url.search}`), 303);
    } catch (error) {
      if (
        !isAppError(error) ||
        !["stale_version", "not_found", "invalid_state", "validation_failed"].includes(error.id)
      )
        throw error;
      const notice = { variant: "error" as const, text: reviewProblem(error) };
      // The fields the registry refused, each with its Danish sentence, and the user's values kept.
      const fieldErrors = error.details
        .filter((d) => d.path !== undefined)
        .map((d) => ({
          fieldId:
            d.path === "parent"
              ? "f-placering"
              : d.path === "target"
                ? "f-opdaterer"
                : `f-${d.path!.split(".")[0]}`,
          message: d.danish ?? d.message,
        }));
      const current = editing ? await candidateById(ctx, id.data) : null;
      if (current && current.state === "pending")
        return renderEdit(
          c,
          current,
          fieldErrors.length
            ? { back, values: body, errors: fieldErrors, proposed: { ...current.fields, ...fields } }
            : {
                back,
                values: body,
                proposed: { ...current.fields, ...fields },
                // Why it cannot be placed is the command's own sentence; the rest read as the queue says.
                notice: error.id === "invalid_state" && error.danish ? error.danish : notice.text,
              },
          error.status as 409,
        );
      const query = Object.fromEntries(new URL(back, "http://x").searchParams);
      return renderQueue(c, query, notice, error.status as 409);
    }
  });

  return app;
}
