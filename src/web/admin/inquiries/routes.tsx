// Inquiries from council members: register, draft from the registry, approve, send.
// Thin routes: parse the form → command or query → page or redirect (PRG).
import type { Context as HonoContext } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { authorize } from "../../../authz/can.ts";
import { inquiryApprover } from "../../../commands/inquiries/inquiryApprover.ts";
import { inquiryDrafter } from "../../../commands/inquiries/inquiryDrafter.ts";
import { inquiryDraftSaver } from "../../../commands/inquiries/inquiryDraftSaver.ts";
import { inquiryRegistrar } from "../../../commands/inquiries/inquiryRegistrar.ts";
import { inquiryReopener } from "../../../commands/inquiries/inquiryReopener.ts";
import { inquirySentMarker } from "../../../commands/inquiries/inquirySentMarker.ts";
import { todayInDenmark } from "../../../domain/danishDate.ts";
import { equalityGrounds, inquiryStates } from "../../../domain/enums.ts";
import { proposeInquiryScope } from "../../../domain/inquiryScope.ts";
import { AppError, isAppError, notFound } from "../../../errors.ts";
import type { AppDeps } from "../../../http/appEnv.ts";
import { link } from "../../../http/links.ts";
import {
  inquiryDetail,
  inquiryDueWorkingDays,
  inquiryScopeOptions,
  listInquiries,
} from "../../../queries/inquiries.ts";
import { inquiryLetterDocx, inquiryLetterFilename } from "../../../reports/inquiryLetterDocx.ts";
import { inquiryLetter } from "../../../reports/inquiryLetterModel.ts";
import type { FieldError } from "../../components/ErrorSummary.tsx";
import type { AdminPageFor } from "../routes.tsx";
import { type InquiryPageProps, inquiryPage } from "./inquiryPage.tsx";
import { listPage } from "./listPage.tsx";
import { emptyInquiry, type NewInquiryValues, newPage } from "./newPage.tsx";

type Body = Record<string, string | File | (string | File)[]>;
const one = (b: Body, k: string) => {
  const v = b[k];
  return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : "";
};
const many = (b: Body, k: string) =>
  (Array.isArray(b[k]) ? (b[k] as unknown[]) : b[k] === undefined ? [] : [b[k]]).filter(
    (x): x is string => typeof x === "string" && x !== "",
  );
const version = (b: Body) => Number(one(b, "version"));
const isDate = (s: string) => z.iso.date().safeParse(s).success;

const SUCCESS: Record<string, string> = {
  oprettet: "Spørgsmålet er registreret.",
  udkast: "Udkastet er lavet ud fra registret. Ret svarteksten, og godkend den.",
  gemt: "Svaret er gemt.",
  godkendt: "Svaret er godkendt. Det kan ikke rettes, medmindre det genåbnes.",
  genaabnet: "Svaret er genåbnet og kan rettes igen.",
  sendt: "Svaret er markeret som sendt og vises nu på portalen.",
};

function newValues(b: Body): NewInquiryValues {
  return {
    askedBy: one(b, "askedBy").trim(),
    askedOn: one(b, "askedOn").trim(),
    dueOn: one(b, "dueOn").trim(),
    questions: one(b, "questions"),
    administrations: many(b, "administrations"),
    caseNumber: one(b, "caseNumber").trim(),
    documentNumber: one(b, "documentNumber").trim(),
  };
}

function newErrors(v: NewInquiryValues): FieldError[] {
  const errors: FieldError[] = [];
  if (!v.askedBy) errors.push({ fieldId: "askedBy", message: "Skriv, hvem der har stillet spørgsmålet." });
  if (!isDate(v.askedOn))
    errors.push({ fieldId: "askedOn", message: "Skriv datoen for spørgsmålet som en gyldig dato." });
  if (v.dueOn && !isDate(v.dueOn))
    errors.push({ fieldId: "dueOn", message: "Svarfristen er ikke en gyldig dato." });
  else if (v.dueOn && isDate(v.askedOn) && v.dueOn < v.askedOn)
    errors.push({ fieldId: "dueOn", message: "Svarfristen kan ikke ligge før datoen for spørgsmålet." });
  const questions = v.questions.split(/\r?\n/).filter((q) => q.trim());
  if (questions.length === 0) errors.push({ fieldId: "questions", message: "Skriv mindst ét spørgsmål." });
  if (questions.length > 50) errors.push({ fieldId: "questions", message: "Skriv højst 50 spørgsmål." });
  return errors;
}

export function inquiryRoutes(_deps: AppDeps, pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  const idOf = (c: HonoContext<AuthEnv>) => {
    const id = c.req.param("id") ?? "";
    if (!z.uuid().safeParse(id).success) throw notFound("The inquiry");
    return id;
  };

  async function detailProps(c: HonoContext<AuthEnv>, id: string): Promise<InquiryPageProps> {
    const ctx = c.get("ctx");
    const inquiry = await inquiryDetail(ctx, id);
    const options = await inquiryScopeOptions(ctx);
    const { draft: _, ...stored } = inquiry.scope;
    if (inquiry.scope.draft)
      return { inquiry, options, selected: stored, proposed: false, today: todayInDenmark() };
    const proposal = proposeInquiryScope(inquiry.questions, options);
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

  /** Runs a command on the inquiry; a refusal the user can act on re-renders the page with the reason. */
  async function act(
    c: HonoContext<AuthEnv>,
    id: string,
    message: string,
    run: () => Promise<unknown>,
    keep: Partial<InquiryPageProps> = {},
  ) {
    try {
      await run();
    } catch (error) {
      if (!isAppError(error) || !["invalid_state", "stale_version", "validation_failed"].includes(error.id))
        throw error;
      const heading =
        error.id === "stale_version"
          ? "En anden har gemt først"
          : error.id === "validation_failed"
            ? "Oplysningerne er ikke gyldige"
            : "Det kan ikke lade sig gøre";
      const text =
        error.id === "stale_version"
          ? "Spørgsmålet er ændret, siden du åbnede det. Intet er gemt. Siden viser nu det gemte; din tekst står stadig i feltet, hvis du rettede svaret."
          : error.danish;
      return c.html(
        inquiryPage(pageFor(c), { ...(await detailProps(c, id)), ...keep, error: { heading, text } }),
        error.status as 400 | 409,
      );
    }
    return c.redirect(link(`/admin/spoergsmaal/${id}?besked=${message}`), 303);
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
        errors: [],
        administrations: options.administrations,
        dueWorkingDays: await inquiryDueWorkingDays(ctx),
      }),
    );
  });

  app.post("/spoergsmaal/nyt", async (c) => {
    const ctx = c.get("ctx");
    const values = newValues(await c.req.parseBody({ all: true }));
    let errors = newErrors(values);
    let id: string | undefined;
    if (!errors.length) {
      try {
        const row = await inquiryRegistrar(ctx, {
          askedBy: values.askedBy,
          askedOn: values.askedOn,
          dueOn: values.dueOn || undefined,
          questions: values.questions.split(/\r?\n/),
          administrations: values.administrations,
          caseNumber: values.caseNumber,
          documentNumber: values.documentNumber,
        });
        id = row.id;
      } catch (error) {
        if (!isAppError(error) || error.id !== "validation_failed") throw error;
        errors = [
          { fieldId: "askedBy", message: "Oplysningerne er ikke gyldige. Tjek felterne, og prøv igen." },
        ];
        if (error.details.some((d) => d.path === "administrations"))
          errors = [{ fieldId: "administrations-option1", message: "Vælg en forvaltning fra listen." }];
      }
    }
    if (id) return c.redirect(link(`/admin/spoergsmaal/${id}?besked=oprettet`), 303);
    const options = await inquiryScopeOptions(ctx);
    return c.html(
      newPage(pageFor(c), {
        values,
        errors,
        administrations: options.administrations,
        dueWorkingDays: await inquiryDueWorkingDays(ctx),
      }),
      400,
    );
  });

  app.get("/spoergsmaal/:id", async (c) => {
    const id = idOf(c);
    const success = SUCCESS[c.req.query("besked") ?? ""];
    return c.html(inquiryPage(pageFor(c), { ...(await detailProps(c, id)), success }));
  });

  app.post("/spoergsmaal/:id/udkast", async (c) => {
    const id = idOf(c);
    const b = await c.req.parseBody({ all: true });
    const scope = {
      equalityGrounds: many(b, "grund").filter((g) =>
        (equalityGrounds as readonly string[]).includes(g),
      ) as never,
      administrations: many(b, "forvaltning"),
      policyIds: many(b, "politik").filter((p) => z.uuid().safeParse(p).success),
      years: many(b, "aar")
        .map(Number)
        .filter((y) => Number.isInteger(y) && y >= 1990 && y <= 2100),
    };
    return act(c, id, "udkast", () => inquiryDrafter(c.get("ctx"), { id, version: version(b), scope }));
  });

  app.post("/spoergsmaal/:id/svar", async (c) => {
    const id = idOf(c);
    const b = await c.req.parseBody({ all: true });
    const answer = one(b, "answer");
    return act(c, id, "gemt", () => inquiryDraftSaver(c.get("ctx"), { id, version: version(b), answer }), {
      answer,
    });
  });

  app.post("/spoergsmaal/:id/godkend", async (c) => {
    const id = idOf(c);
    const b = await c.req.parseBody({ all: true });
    return act(c, id, "godkendt", () => inquiryApprover(c.get("ctx"), { id, version: version(b) }));
  });

  app.post("/spoergsmaal/:id/genaabn", async (c) => {
    const id = idOf(c);
    const b = await c.req.parseBody({ all: true });
    return act(c, id, "genaabnet", () => inquiryReopener(c.get("ctx"), { id, version: version(b) }));
  });

  app.post("/spoergsmaal/:id/sendt", async (c) => {
    const id = idOf(c);
    const b = await c.req.parseBody({ all: true });
    const answeredOn = one(b, "answeredOn").trim();
    if (answeredOn && !isDate(answeredOn))
      throw new AppError("validation_failed", "answeredOn is not a date.", {
        danish: "Datoen for afsendelsen er ikke en gyldig dato.",
      });
    return act(c, id, "sendt", () =>
      inquirySentMarker(c.get("ctx"), {
        id,
        version: version(b),
        answeredOn: answeredOn || undefined,
        signedBy: one(b, "signedBy"),
      }),
    );
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
