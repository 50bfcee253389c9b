// The hearing forms: their fields as the pages show them again, the command input they
// become, and the Danish text for each field a command may refuse (form.ts reads them).
import { z } from "zod";
import { type HearingOpenInput, hearingOpenSchema } from "../../../commands/hearings/hearingOpener.ts";
import {
  type ResponseRegisterInput,
  responseRegisterSchema,
} from "../../../commands/hearings/hearingResponseRegistrar.ts";
import type { hearingUpdater } from "../../../commands/hearings/hearingUpdater.ts";
import type { responseCommenter } from "../../../commands/hearings/responseCommenter.ts";
import { type AdminForm, formList, formText, formTick } from "../form.ts";

export interface OpenFormValues {
  policyId: string;
  draftDocumentId: string;
  title: string;
  opensOn: string;
  closesOn: string;
  committees: string[];
  others: string;
}

export const emptyOpenValues = (today: string): OpenFormValues => ({
  policyId: "",
  draftDocumentId: "",
  title: "",
  opensOn: today,
  closesOn: "",
  committees: [],
  others: "",
});

export const openHearingForm: AdminForm<OpenFormValues, HearingOpenInput> = {
  fields: z.object({
    policyId: formText,
    draftDocumentId: formText,
    title: formText,
    opensOn: formText,
    closesOn: formText,
    committees: formList,
    others: formText,
  }),
  input: (v) => ({
    policyId: v.policyId,
    draftDocumentId: v.draftDocumentId,
    title: v.title,
    opensOn: v.opensOn,
    closesOn: v.closesOn,
    invitedCommittees: v.committees,
    invitedOthers: v.others
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
  }),
  rules: hearingOpenSchema,
  messages: {
    policyId: "Vælg den politik, der sendes i høring.",
    draftDocumentId: "Vælg det dokument, der er udkastet.",
    title: "Skriv en titel på mindst 3 tegn.",
    opensOn: "Skriv datoen, høringen åbner.",
    closesOn: "Skriv en høringsfrist, der ikke er før høringen åbner.",
    invitedCommittees: "Vælg udvalg fra listen.",
    invitedOthers: "Skriv højst 200 tegn pr. høringspart.",
  },
  fieldOf: { invitedCommittees: "committees", invitedOthers: "others" },
  missing: { field: "draftDocumentId", message: "Politikken eller dokumentet findes ikke. Vælg igen." },
};

export interface RegisterValues {
  respondentKind: string;
  fromCommitteeCode: string;
  fromName: string;
  text: string;
  sections: string[];
  consent: boolean;
  receivedOn: string;
  published: boolean;
}

export const emptyRegisterValues = (): RegisterValues => ({
  respondentKind: "organisation",
  fromCommitteeCode: "",
  fromName: "",
  text: "",
  sections: [],
  consent: false,
  receivedOn: "",
  published: false,
});

/** Registering a response received on paper or by e-mail, for the hearing `hearingId`. */
export const registerResponseForm = (
  hearingId: string,
): AdminForm<RegisterValues, ResponseRegisterInput> => ({
  fields: z.object({
    respondentKind: formText,
    fromCommitteeCode: formText,
    fromName: formText,
    text: formText,
    sections: formList,
    consent: formTick,
    receivedOn: formText,
    published: formTick,
  }),
  input: (v) => ({
    hearingId,
    respondentKind: v.respondentKind as ResponseRegisterInput["respondentKind"],
    fromCommitteeCode: v.fromCommitteeCode || undefined,
    fromName: v.fromName || undefined,
    text: v.text,
    sections: v.sections,
    consentToPublishName: v.consent,
    receivedOn: v.receivedOn || undefined,
    published: v.published,
  }),
  rules: responseRegisterSchema,
  messages: {
    respondentKind: "Vælg, hvem afsenderen er.",
    fromCommitteeCode: "Vælg udvalget.",
    fromName: "Skriv afsenderens navn, eller vælg udvalget, når afsenderen er et udvalg.",
    text: "Skriv høringssvarets tekst.",
    sections: "Vælg blandt de viste mål og afsnit.",
    receivedOn: "Skriv en gyldig dato.",
  },
  fieldOf: { consentToPublishName: "consent" },
});

/** The hearing's state and adopted document, from the hearing page. */
export const updateHearingForm = (
  hearingId: string,
): AdminForm<
  { version: string; state: string; adoptedDocumentId: string },
  Parameters<typeof hearingUpdater>[1]
> => ({
  fields: z.object({ version: formText, state: formText, adoptedDocumentId: formText }),
  input: (v) => ({
    hearingId,
    version: Number(v.version),
    state: (v.state || undefined) as "open" | undefined,
    adoptedDocumentId: v.adoptedDocumentId || null,
  }),
  messages: { adoptedDocumentId: "Vælg den vedtagne version blandt dokumenterne." },
});

export const attachResponseForm: AdminForm<{ responseId: string }, { responseId: string }> = {
  fields: z.object({ responseId: formText }),
  input: (v) => v,
  messages: { responseId: "Vælg et høringssvar." },
};

export const publishResponseForm: AdminForm<{ published: boolean }, { published: boolean }> = {
  fields: z.object({ published: formTick }),
  input: (v) => v,
  messages: { published: "Vælg, om svaret skal offentliggøres." },
};

export const commentResponseForm = (
  hearingId: string,
  responseId: string,
): AdminForm<{ version: string; comment: string }, Parameters<typeof responseCommenter>[1]> => ({
  fields: z.object({ version: formText, comment: formText }),
  input: (v) => ({ hearingId, responseId, version: Number(v.version), comment: v.comment }),
  messages: { comment: "Skriv en kommentar på højst 10.000 tegn." },
});

export const eraseResponseForm: AdminForm<
  { confirm: boolean; reason: string },
  { confirm: boolean; reason?: string }
> = {
  fields: z.object({ confirm: formTick, reason: formText }),
  input: (v) => ({ confirm: v.confirm, reason: v.reason || undefined }),
  rules: z.object({ confirm: z.boolean().refine((v) => v), reason: z.string().optional() }),
  messages: { confirm: "Sæt kryds for at bekræfte, at personoplysningerne skal slettes." },
};
