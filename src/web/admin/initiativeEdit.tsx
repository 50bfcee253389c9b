// A small editor for an initiative's registry fields, guarded by its version:
// when someone else saved first, the page says what they changed and keeps
// the user's own values in the form to apply again. Never a silent overwrite.
import { Hono } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../../auth/middleware.ts";
import { initiativeUpdater } from "../../commands/initiativeUpdater.ts";
import { fundingStatuses, initiativeStatuses } from "../../domain/enums.ts";
import { fundingStatusLabels, initiativeStatusLabels } from "../../domain/labels.ts";
import { AppError, isAppError } from "../../errors.ts";
import { initiativeForEdit } from "../../queries/adminInitiatives.ts";
import { Alert } from "../components/Alert.tsx";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary.tsx";
import { Button, FormGroup, Label, Select, TextInput } from "../components/FormControls.tsx";
import type { AdminPageFor } from "./routes.tsx";
import { type AdminPage, AdminShell, CsrfField } from "./shell.tsx";

type Initiative = Awaited<ReturnType<typeof initiativeForEdit>>;
interface Values {
  title: string;
  description: string;
  fundingStatus: string;
  status: string;
}

const formSchema = z.object({
  version: z.coerce.number().int().positive(),
  title: z.string().trim().max(500),
  description: z.string().max(20_000).default(""),
  fundingStatus: z.enum(fundingStatuses),
  status: z.enum(initiativeStatuses),
});

function editPage(
  page: AdminPage,
  row: Initiative,
  p: { values?: Values; errors?: FieldError[]; conflict?: string[]; saved?: boolean },
) {
  const v: Values = p.values ?? {
    title: row.title,
    description: row.description ?? "",
    fundingStatus: row.fundingStatus,
    status: row.status,
  };
  const errors = p.errors ?? [];
  return (
    <AdminShell
      page={page}
      title={`${errors.length ? "Fejl: " : ""}Ret initiativ: ${row.title}`}
      currentPath="/admin"
      breadcrumbs={[{ href: "/admin", text: "Oversigt" }, { text: "Ret initiativ" }]}
    >
      <h1>Ret initiativ</h1>
      {p.saved && <Alert variant="success">Ændringerne er gemt.</Alert>}
      {p.conflict && (
        <Alert variant="error" heading="En anden har gemt først">
          <p class="alert-text">
            Initiativet er ændret, siden du åbnede det. Dine ændringer er ikke gemt. Her er, hvad der nu står:
          </p>
          <ul class="alert-text">
            {p.conflict.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          <p class="alert-text">Dine værdier står stadig i formularen. Gem igen for at anvende dem.</p>
        </Alert>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/initiativer/${row.id}`}>
        <CsrfField token={page.csrf} />
        <input type="hidden" name="version" value={String(row.version)} />
        <TextInput
          id="title"
          name="title"
          label="Titel"
          value={v.title}
          required
          error={errors.find((e) => e.fieldId === "title")?.message}
        />
        <FormGroup>
          <Label forId="description" text="Beskrivelse" optional />
          <textarea id="description" name="description" class="form-input" rows={6}>
            {v.description}
          </textarea>
        </FormGroup>
        <Select
          id="fundingStatus"
          name="fundingStatus"
          label="Finansiering"
          value={v.fundingStatus}
          options={fundingStatuses.map((s) => ({ value: s, text: fundingStatusLabels[s] }))}
        />
        <Select
          id="status"
          name="status"
          label="Status"
          value={v.status}
          options={initiativeStatuses.map((s) => ({ value: s, text: initiativeStatusLabels[s] }))}
        />
        <Button>Gem</Button>
      </form>
    </AdminShell>
  );
}

function changes(now: Initiative, mine: Values): string[] {
  const out: string[] = [];
  if (now.title !== mine.title) out.push(`Titel: ${now.title}`);
  if ((now.description ?? "") !== mine.description) out.push("Beskrivelse: ændret");
  if (now.fundingStatus !== mine.fundingStatus)
    out.push(`Finansiering: ${fundingStatusLabels[now.fundingStatus as keyof typeof fundingStatusLabels]}`);
  if (now.status !== mine.status)
    out.push(`Status: ${initiativeStatusLabels[now.status as keyof typeof initiativeStatusLabels]}`);
  return out.length ? out : ["Ingen forskel i felterne her (ændringen var i et andet felt)."];
}

export function initiativeRoutes(pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  const id = (raw: string) => {
    const parsed = z.uuid().safeParse(raw);
    if (!parsed.success) throw new AppError("not_found", "No such initiative.");
    return parsed.data;
  };

  app.get("/initiativer/:id", async (c) => {
    const row = await initiativeForEdit(c.get("ctx"), id(c.req.param("id")));
    return c.html(editPage(pageFor(c), row, { saved: c.req.query("gemt") === "1" }));
  });

  app.post("/initiativer/:id", async (c) => {
    const ctx = c.get("ctx");
    const row = await initiativeForEdit(ctx, id(c.req.param("id")));
    const parsed = formSchema.safeParse(await c.req.parseBody());
    if (!parsed.success) throw new AppError("validation_failed", "Invalid initiative form.");
    const { version, ...values } = parsed.data;
    if (!values.title)
      return c.html(
        editPage(
          pageFor(c),
          { ...row, version },
          {
            values,
            errors: [{ fieldId: "title", message: "Skriv initiativets titel." }],
          },
        ),
        400,
      );
    try {
      await initiativeUpdater(ctx, {
        id: row.id,
        version,
        ...values,
        description: values.description || null,
      });
    } catch (error) {
      if (!isAppError(error) || error.id !== "stale_version") throw error;
      return c.html(editPage(pageFor(c), row, { values, conflict: changes(row, values) }), 409);
    }
    return c.redirect(`/admin/initiativer/${row.id}?gemt=1`, 303);
  });

  return app;
}
