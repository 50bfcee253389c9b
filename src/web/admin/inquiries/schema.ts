// The inquiry forms: their fields as the pages show them again, the command input they
// become, and the Danish text for each field a command may refuse (form.ts reads them).
import { z } from "zod";
import type { inquiryApprover } from "../../../commands/inquiries/inquiryApprover.ts";
import type { inquiryDrafter } from "../../../commands/inquiries/inquiryDrafter.ts";
import type { inquiryDraftSaver } from "../../../commands/inquiries/inquiryDraftSaver.ts";
import {
  type InquiryRegistration,
  inquiryRegistrationSchema,
} from "../../../commands/inquiries/inquiryRegistrar.ts";
import type { inquirySentMarker } from "../../../commands/inquiries/inquirySentMarker.ts";
import { equalityGrounds, isOneOf } from "../../../domain/enums.ts";
import { type AdminForm, formList, formText } from "../form.ts";

export interface NewInquiryValues {
  askedBy: string;
  askedOn: string;
  dueOn: string;
  questions: string;
  administrations: string[];
  caseNumber: string;
  documentNumber: string;
}

export const emptyInquiry: NewInquiryValues = {
  askedBy: "",
  askedOn: "",
  dueOn: "",
  questions: "",
  administrations: [],
  caseNumber: "",
  documentNumber: "",
};

export const newInquiryForm: AdminForm<NewInquiryValues, InquiryRegistration> = {
  fields: z.object({
    askedBy: formText,
    askedOn: formText,
    dueOn: formText,
    questions: formText,
    administrations: formList,
    caseNumber: formText,
    documentNumber: formText,
  }),
  input: (v) => ({
    askedBy: v.askedBy.trim(),
    askedOn: v.askedOn.trim(),
    dueOn: v.dueOn.trim() || undefined,
    questions: v.questions.split(/\r?\n/),
    administrations: v.administrations,
    caseNumber: v.caseNumber.trim(),
    documentNumber: v.documentNumber.trim(),
  }),
  rules: inquiryRegistrationSchema,
  messages: {
    askedBy: "Skriv, hvem der har stillet spørgsmålet.",
    askedOn: "Skriv datoen for spørgsmålet som en gyldig dato.",
    dueOn: (issue) =>
      issue.code === "custom"
        ? "Svarfristen kan ikke ligge før datoen for spørgsmålet."
        : "Svarfristen er ikke en gyldig dato.",
    questions: (issue) =>
      issue.path.includes(".")
        ? "Hvert spørgsmål må højst være 5.000 tegn."
        : issue.code === "too_big"
          ? "Skriv højst 50 spørgsmål."
          : "Skriv mindst ét spørgsmål.",
    administrations: "Vælg en forvaltning fra listen.",
    caseNumber: "Sagsnummeret må højst være 100 tegn.",
    documentNumber: "Dokumentnummeret må højst være 100 tegn.",
  },
};

const uuid = z.uuid();

/** The scope of the draft answer, as ticked on the inquiry's page; unknown choices are dropped. */
export const draftForm = (
  id: string,
): AdminForm<
  { version: string; grund: string[]; forvaltning: string[]; politik: string[]; aar: string[] },
  Parameters<typeof inquiryDrafter>[1]
> => ({
  fields: z.object({
    version: formText,
    grund: formList,
    forvaltning: formList,
    politik: formList,
    aar: formList,
  }),
  input: (v) => ({
    id,
    version: Number(v.version),
    scope: {
      equalityGrounds: v.grund.filter((g) => isOneOf(equalityGrounds, g)),
      administrations: v.forvaltning,
      policyIds: v.politik.filter((p) => uuid.safeParse(p).success),
      years: v.aar.map(Number).filter((y) => Number.isInteger(y) && y >= 1990 && y <= 2100),
    },
  }),
  messages: { scope: "Vælg blandt de viste muligheder." },
});

export const answerForm = (
  id: string,
): AdminForm<{ version: string; answer: string }, Parameters<typeof inquiryDraftSaver>[1]> => ({
  fields: z.object({ version: formText, answer: formText }),
  input: (v) => ({ id, version: Number(v.version), answer: v.answer }),
  messages: { answer: "Svaret må højst være 100.000 tegn." },
});

/** Approve or reopen: the version the user saw. */
export const versionForm = (
  id: string,
): AdminForm<{ version: string }, Parameters<typeof inquiryApprover>[1]> => ({
  fields: z.object({ version: formText }),
  input: (v) => ({ id, version: Number(v.version) }),
  messages: { version: "Siden er forældet. Genindlæs den, og prøv igen." },
});

export const sentForm = (
  id: string,
): AdminForm<
  { version: string; answeredOn: string; signedBy: string },
  Parameters<typeof inquirySentMarker>[1]
> => ({
  fields: z.object({ version: formText, answeredOn: formText, signedBy: formText }),
  input: (v) => ({
    id,
    version: Number(v.version),
    answeredOn: v.answeredOn.trim() || undefined,
    signedBy: v.signedBy,
  }),
  messages: {
    answeredOn: "Datoen for afsendelsen er ikke en gyldig dato.",
    signedBy: "Navnet på den, der underskriver, må højst være 200 tegn.",
  },
});

/** What the inquiry's page says when someone else saved first. */
export const staleText =
  "Spørgsmålet er ændret, siden du åbnede det. Intet er gemt. Siden viser nu det gemte; din tekst står stadig i feltet, hvis du rettede svaret.";
