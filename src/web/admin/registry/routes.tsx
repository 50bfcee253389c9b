// Editors for the registry's entities, each guarded by its version. Only staff
// (the authz "registry" rules) get here; for anyone else these pages are a 404.
import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { can } from "../../../authz/can.ts";
import { AppError, isAppError } from "../../../errors.ts";
import type { AppDeps } from "../../../http/appEnv.ts";
import { link } from "../../../http/links.ts";
import { administrationChoices } from "../../../queries/organisation/units.ts";
import { registryOverview } from "../../../queries/registry.ts";
import { errorList, type FormBody, parseForm } from "../form.ts";
import type { AdminPageFor } from "../routes.tsx";
import { EditorPage, type EditorView } from "./editorPage.tsx";
import { changedFields, editorForm, type FieldSpec } from "./fields.ts";
import { type EditorKind, hrefOf, REGISTER } from "./kind.ts";
import { editorKinds } from "./kinds/index.ts";
import { overviewPage } from "./overview.tsx";

const uuid = (raw: string | undefined) => {
  const parsed = z.uuid().safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "No such row.");
  return parsed.data;
};

function kindOf(slug: string): EditorKind {
  const kind = editorKinds[slug];
  if (!kind) throw new AppError("not_found", "No such editor.");
  return kind;
}

const versionOf = (body: Record<string, unknown>) => {
  const v = z.coerce.number().int().positive().safeParse(body.version);
  if (!v.success) throw new AppError("validation_failed", "The form has no valid version.");
  return v.data;
};

/** The form's errors for the page, a checkbox group's linked by its first box. */
const pageErrors = (fields: readonly FieldSpec[], errors: Record<string, string>) =>
  errorList(
    errors,
    fields.filter((f) => f.type === "checkboxes").map((f) => f.name),
  );

/** A command's refusal that a person can act on, in Danish; anything else is thrown on. */
function refusal(error: unknown): string {
  if (isAppError(error) && ["duplicate", "validation_failed", "invalid_state"].includes(error.id))
    return error.danish;
  throw error;
}

export function registryRoutes(_deps: AppDeps, pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();

  const staffOnly: MiddlewareHandler<AuthEnv> = async (c, next) => {
    if (!can(c.get("ctx").actor, "update", { entity: "registry" }))
      throw new AppError("not_found", "Not found.");
    await next();
  };
  app.use("/register", staffOnly);
  app.use("/register/*", staffOnly);

  app.get("/register", async (c) => {
    const ctx = c.get("ctx");
    const administration = c.req.query("forvaltning") || undefined;
    const [tree, admins] = await Promise.all([
      registryOverview(ctx, { administration }),
      administrationChoices(ctx),
    ]);
    return c.html(overviewPage(pageFor(c), tree, admins, administration, c.req.query("gemt") === "slettet"));
  });

  app.get("/register/:kind/ny", async (c) => {
    const kind = kindOf(c.req.param("kind"));
    if (!kind.draft) throw new AppError("not_found", "Nothing to add here.");
    const parentId = uuid(c.req.query("under"));
    const draft = await kind.draft(c.get("ctx"), parentId);
    return c.html(
      <EditorPage
        page={pageFor(c)}
        view={{
          heading: `Tilføj ${kind.one}`,
          crumbs: [...draft.crumbs, { text: `Tilføj ${kind.one}` }],
          action: `${REGISTER}/${kind.slug}/ny?under=${parentId}`,
          fields: draft.fields,
          values: draft.values,
        }}
      />,
    );
  });

  app.post("/register/:kind/ny", async (c) => {
    const ctx = c.get("ctx");
    const kind = kindOf(c.req.param("kind"));
    if (!kind.draft || !kind.create) throw new AppError("not_found", "Nothing to add here.");
    const parentId = uuid(c.req.query("under"));
    const draft = await kind.draft(ctx, parentId);
    const form = parseForm(
      editorForm(draft.fields, kind.check),
      (await c.req.parseBody({ all: true })) as FormBody,
    );
    const values = form.values;
    const view: EditorView = {
      heading: `Tilføj ${kind.one}`,
      crumbs: [...draft.crumbs, { text: `Tilføj ${kind.one}` }],
      action: `${REGISTER}/${kind.slug}/ny?under=${parentId}`,
      fields: draft.fields,
      values,
    };
    if (!form.ok)
      return c.html(
        <EditorPage page={pageFor(c)} view={{ ...view, errors: pageErrors(draft.fields, form.errors) }} />,
        400,
      );
    try {
      const created = await kind.create(ctx, parentId, form.input);
      return c.redirect(link(`${hrefOf(kind.slug, created.id)}?gemt=oprettet`), 303);
    } catch (error) {
      return c.html(<EditorPage page={pageFor(c)} view={{ ...view, problem: refusal(error) }} />, 409);
    }
  });

  app.get("/register/:kind/:id", async (c) => {
    const kind = kindOf(c.req.param("kind"));
    const row = await kind.load(c.get("ctx"), uuid(c.req.param("id")));
    const saved = c.req.query("gemt");
    return c.html(
      <EditorPage
        page={pageFor(c)}
        view={{
          heading: `Ret ${kind.one}: ${row.name}`,
          crumbs: [...row.crumbs, { text: row.name }],
          action: hrefOf(kind.slug, row.id),
          version: row.version,
          fields: row.fields,
          values: row.values,
          saved: saved === "1" ? "gemt" : saved === "oprettet" || saved === "slettet" ? saved : undefined,
          deleteAction: kind.remove ? `${hrefOf(kind.slug, row.id)}/slet` : undefined,
          deleteLabel: `Slet ${kind.one}`,
          children: row.children,
        }}
      />,
    );
  });

  app.post("/register/:kind/:id", async (c) => {
    const ctx = c.get("ctx");
    const kind = kindOf(c.req.param("kind"));
    const row = await kind.load(ctx, uuid(c.req.param("id")));
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const version = versionOf(body);
    const form = parseForm(editorForm(row.fields, kind.check), body);
    const values = form.values;
    const view: EditorView = {
      heading: `Ret ${kind.one}: ${row.name}`,
      crumbs: [...row.crumbs, { text: row.name }],
      action: hrefOf(kind.slug, row.id),
      version,
      fields: row.fields,
      values,
      deleteAction: kind.remove ? `${hrefOf(kind.slug, row.id)}/slet` : undefined,
      deleteLabel: `Slet ${kind.one}`,
      children: row.children,
    };
    // Someone else saved first: show theirs beside the user's and keep the
    // user's values in a form that now saves against the current version.
    if (version !== row.version)
      return c.html(
        <EditorPage
          page={pageFor(c)}
          view={{ ...view, version: row.version, conflict: changedFields(row.fields, row.values, values) }}
        />,
        409,
      );
    if (!form.ok)
      return c.html(
        <EditorPage page={pageFor(c)} view={{ ...view, errors: pageErrors(row.fields, form.errors) }} />,
        400,
      );
    try {
      await kind.save(ctx, row.id, version, form.input);
    } catch (error) {
      if (isAppError(error) && error.id === "stale_version") {
        const now = await kind.load(ctx, row.id);
        return c.html(
          <EditorPage
            page={pageFor(c)}
            view={{ ...view, version: now.version, conflict: changedFields(now.fields, now.values, values) }}
          />,
          409,
        );
      }
      return c.html(<EditorPage page={pageFor(c)} view={{ ...view, problem: refusal(error) }} />, 409);
    }
    return c.redirect(link(`${hrefOf(kind.slug, row.id)}?gemt=1`), 303);
  });

  app.post("/register/:kind/:id/slet", async (c) => {
    const ctx = c.get("ctx");
    const kind = kindOf(c.req.param("kind"));
    if (!kind.remove) throw new AppError("not_found", "This cannot be deleted here.");
    const row = await kind.load(ctx, uuid(c.req.param("id")));
    const version = versionOf(await c.req.parseBody());
    try {
      await kind.remove(ctx, row.id, version);
    } catch (error) {
      if (!isAppError(error) || error.id !== "stale_version") throw error;
      const now = await kind.load(ctx, row.id);
      return c.html(
        <EditorPage
          page={pageFor(c)}
          view={{
            heading: `Ret ${kind.one}: ${now.name}`,
            crumbs: [...now.crumbs, { text: now.name }],
            action: hrefOf(kind.slug, now.id),
            version: now.version,
            fields: now.fields,
            values: now.values,
            problem:
              "Der er gemt en ændring, siden du åbnede siden, så intet er slettet. Se de nye værdier, og slet igen, hvis du stadig vil.",
            deleteAction: `${hrefOf(kind.slug, now.id)}/slet`,
            deleteLabel: `Slet ${kind.one}`,
            children: now.children,
          }}
        />,
        409,
      );
    }
    return c.redirect(link(`${row.parentHref}?gemt=slettet`), 303);
  });

  return app;
}
