// Inquiries from council members: register, draft from the registry, approve, send.
// Thin routes: parse the form (schema.ts) → command or query → page or redirect (PRG).
import type { Context as HonoContext } from "hono";
import { Hono } from "hono";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { authorize } from "../../../authz/can.ts";
import { inquiryApprover } from "../../../commands/inquiries/inquiryApprover.ts";
import { inquiryDrafter } from "../../../commands/inquiries/inquiryDrafter.ts";
import { inquiryDraftSaver } from "../../../commands/inquiries/inquiryDraftSaver.ts";
import { inquiryRegistrar } from "../../../commands/inquiries/inquiryRegistrar.ts";
import { inquiryReopener } from "../../../commands/inquiries/inquiryReopener.ts";
import { inquirySentMarker } from "../../../commands/inquiries/inquirySentMarker.ts";
import { todayInDenmark } from "../../../domain/danishDate.ts";
import { inquiryStates } from "../../../domain/enums.ts";
import { proposeInquiryScope } from "../../../domain/inquiryScope.ts";
import { isAppError } from "../../../errors.ts";
import type { AppDeps } from "../../../http/appEnv.ts";
import { link } from "../../../http/links.ts";
import { inquiryScopeOptions } from "../../../queries/inquiries/draftScope.ts";
import { inquiryDetail, listInquiries } from "../../../queries/inquiries/inquiries.ts";
import { inquiryDueWorkingDays } from "../../../queries/organisation/settings.ts";
import { inquiryLetterDocx, inquiryLetterFilename } from "../../../reports/inquiryLetterDocx.ts";
import { inquiryLetter } from "../../../reports/inquiryLetterModel.ts";
import { errorHeading } from "../../errorTexts.ts";
import {
  type AdminForm,
  type FieldErrors,
  type FormBody,
  formInput,
  parseForm,
  refusedFields,
} from "../form.ts";
import { pathId } from "../pathId.ts";
import type { AdminPageFor } from "../routes.tsx";
import { type InquiryPageProps, inquiryNotices, inquiryPage } from "./pages/inquiryPage.tsx";
import { listPage } from "./pages/listPage.tsx";
import { newPage } from "./pages/newPage.tsx";
import {
  answerForm,
  draftForm,
  emptyInquiry,
  newInquiryForm,
  sentForm,
  staleText,
  versionForm,
} from "./schema.ts";

export function inquiryRoutes(_deps: AppDeps, pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  const idOf = (c: HonoContext<AuthEnv>) => pathId(c.req.param("id"), "The inquiry");

  async function detailProps(c: HonoContext<AuthEnv>, id: string): Promise<InquiryPageProps> {
    const ctx = c.get("ctx");
    const inquiry = await inquiryDetail(ctx, id);
    const options = await inquiryScopeOptions(ctx);
    const { draft: _, ...stored } = inquiry.scope;
    if (inquiry.scope.draft)
      return { inquiry, options, selected: stored, proposed: false, today: todayInDenmark() };
    const proposal = proposeInquiryScope(inquiry.questions, {
      ...options,
      organisation: pageFor(c).organisation,
    });
    const answering = new Set([...proposal.administrations, ...inquiry.administrations.map((a) => a.code)]);
    return {
      inquiry,
      options,
      selected: {
        equalityGrounds: stored.equalityGrounds.length ? stored.equalityGrounds : proposal.equalityGrounds,
        administrations: options.administrations.map((a) => a.code).filter((code) => answering.has(code)),
        policyIds: proposal.policyIds,
        // The question's years, else this year: never every year the registry has.
        years: proposal.years.length ? proposal.years : [Number(todayInDenmark().slice(0, 4))],
      },
      proposed: true,
      today: todayInDenmark(),
    };
  }

  /**
   * Runs a command on the inquiry with the form's input; a refusal the user can act on
   * re-renders the page with the reason.
   */
  async function act<V, I>(
    c: HonoContext<AuthEnv>,
    id: string,
    notice: string,
    form: AdminForm<V, I>,
    run: (input: I) => Promise<unknown>,
    keep: (input: I) => Partial<InquiryPageProps> = () => ({}),
  ) {
    const input = formInput(form, (await c.req.parseBody({ all: true })) as FormBody);
    try {
      await run(input);
    } catch (error) {
      if (!isAppError(error) || !["invalid_state", "stale_version", "validation_failed"].includes(error.id))
        throw error;
      const refused = error.id === "validation_failed" ? refusedFields(form, error) : null;
      const text =
        error.id === "stale_version" ? staleText : refused ? Object.values(refused).join(" ") : error.danish;
      return c.html(
        inquiryPage(pageFor(c), {
          ...(await detailProps(c, id)),
          ...keep(input),
          error: { heading: errorHeading(error.id), text },
        }),
        error.status as 400 | 409,
      );
    }
    return c.redirect(link(`/admin/spoergsmaal/${id}?besked=${notice}`), 303);
  }

  app.get("/spoergsmaal", async (c) => {
    const raw = c.req.query("tilstand");
    const state = inquiryStates.find((s) => s === raw);
    const rows = await listInquiries(c.get("ctx"), { state });
    return c.html(listPage(pageFor(c), { rows, state, today: todayInDenmark() }));
  });

  app.get("/spoergsmaal/nyt", async (c) => {
    const ctx = c.get("ctx");
    // Only those who may register see the form; the command checks again.
    authorize(ctx.actor, "create", { entity: "inquiry" });
    const options = await inquiryScopeOptions(ctx);
    return c.html(
      newPage(pageFor(c), {
        values: emptyInquiry,
        errors: {},
        administrations: options.administrations,
        dueWorkingDays: await inquiryDueWorkingDays(ctx),
      }),
    );
  });

  app.post("/spoergsmaal/nyt", async (c) => {
    const ctx = c.get("ctx");
    authorize(ctx.actor, "create", { entity: "inquiry" });
    const form = parseForm(newInquiryForm, (await c.req.parseBody({ all: true })) as FormBody);
    let errors: FieldErrors | null = form.ok ? null : form.errors;
    if (form.ok) {
      try {
        const row = await inquiryRegistrar(ctx, form.input);
        return c.redirect(link(`/admin/spoergsmaal/${row.id}?besked=oprettet`), 303);
      } catch (error) {
        errors = refusedFields(newInquiryForm, error);
        if (!errors) throw error;
      }
    }
    const options = await inquiryScopeOptions(ctx);
    return c.html(
      newPage(pageFor(c), {
        values: form.values,
        errors: errors ?? {},
        administrations: options.administrations,
        dueWorkingDays: await inquiryDueWorkingDays(ctx),
      }),
      400,
    );
  });

  app.get("/spoergsmaal/:id", async (c) => {
    const id = idOf(c);
    const success = inquiryNotices[c.req.query("besked") ?? ""];
    return c.html(inquiryPage(pageFor(c), { ...(await detailProps(c, id)), success }));
  });

  app.post("/spoergsmaal/:id/udkast", async (c) => {
    const id = idOf(c);
    return act(c, id, "udkast", draftForm(id), (input) => inquiryDrafter(c.get("ctx"), input));
  });

  app.post("/spoergsmaal/:id/svar", async (c) => {
    const id = idOf(c);
    // The user's own text stays in the field when the save is refused.
    return act(
      c,
      id,
      "gemt",
      answerForm(id),
      (input) => inquiryDraftSaver(c.get("ctx"), input),
      (input) => ({ answer: input.answer }),
    );
  });

  app.post("/spoergsmaal/:id/godkend", async (c) => {
    const id = idOf(c);
    return act(c, id, "godkendt", versionForm(id), (input) => inquiryApprover(c.get("ctx"), input));
  });

  app.post("/spoergsmaal/:id/genaabn", async (c) => {
    const id = idOf(c);
    return act(c, id, "genaabnet", versionForm(id), (input) => inquiryReopener(c.get("ctx"), input));
  });

  app.post("/spoergsmaal/:id/sendt", async (c) => {
    const id = idOf(c);
    return act(c, id, "sendt", sentForm(id), (input) => inquirySentMarker(c.get("ctx"), input));
  });

  app.get("/spoergsmaal/:id/brev.docx", async (c) => {
    const q = await inquiryDetail(c.get("ctx"), idOf(c));
    const letter = inquiryLetter({
      organisation: pageFor(c).organisation,
      askedBy: q.askedBy,
      askedOn: q.askedOn,
      answeredOn: q.answeredOn,
      today: todayInDenmark(),
      caseNumber: q.caseNumber,
      documentNumber: q.documentNumber,
      questions: q.questions,
      answer: q.answer,
      signedBy: q.signedBy,
      signerTitle: q.signerTitle,
      administration: q.administrations.map((a) => a.name).join(" og ") || null,
      draft: q.scope.draft ?? null,
    });
    const bytes = await inquiryLetterDocx(letter);
    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": `attachment; filename="${inquiryLetterFilename(letter)}"`,
      },
    });
  });

  return app;
}
