// The organisation forms: an administration's or a committee's code and name, the
// council's name, and one setting's number. Their fields as the pages show them again, the command input they
// become, and the Danish text for each field a command may refuse (form.ts reads them).
import { z } from "zod";
import {
  type CouncilNameSave,
  councilNameSaveSchema,
} from "../../../commands/organisation/councilNameSaver.ts";
import { type SettingSave, settingSaveSchema } from "../../../commands/organisation/settingSaver.ts";
import type { SettingDefinition } from "../../../commands/organisation/settings.ts";
import { unitDeleteSchema } from "../../../commands/organisation/unitDeleter.ts";
import { type UnitSave, unitSaveSchema } from "../../../commands/organisation/unitSaver.ts";
import type { UnitKind } from "../../../queries/organisation/units.ts";
import { type AdminForm, formText } from "../form.ts";
import { kindText, type UnitValues } from "./pages/unitPages.tsx";

const versionOf = (raw: string) => (raw.trim() === "" ? Number.NaN : Number(raw));

/** Add (no id) or change (the id and the version read) an administration or a committee. */
export const unitForm = (
  kind: UnitKind,
  id?: string,
): AdminForm<UnitValues & { version: string }, UnitSave> => ({
  fields: z.object({
    // Shown again as the command stores it: trimmed, in capitals.
    code: formText.transform((s) => s.trim().toUpperCase()),
    name: formText.transform((s) => s.trim()),
    version: formText,
  }),
  input: (v) => ({
    code: v.code,
    name: v.name,
    ...(id ? { id, version: versionOf(v.version) } : {}),
  }),
  rules: unitSaveSchema,
  messages: {
    code: `Skriv en kode på 2–10 bogstaver eller tal, fx ${kindText[kind].example}.`,
    name: `Skriv ${kindText[kind].definite}s navn.`,
    version: "Siden er forældet. Genindlæs den, og prøv igen.",
  },
});

/** Delete: the version the user saw; the command judges it. */
export const unitDeleteForm = (
  id: string,
): AdminForm<{ version: string }, z.infer<typeof unitDeleteSchema>> => ({
  fields: z.object({ version: formText }),
  input: (v) => ({ id, version: versionOf(v.version) }),
  rules: unitDeleteSchema,
  messages: { version: "Siden er forældet. Genindlæs den, og prøv igen." },
});

/** What the organisation calls its council, with the organisation's version read. */
export const councilForm: AdminForm<{ councilName: string; version: string }, CouncilNameSave> = {
  fields: z.object({ councilName: formText.transform((s) => s.trim()), version: formText }),
  input: (v) => ({ councilName: v.councilName, version: versionOf(v.version) }),
  rules: councilNameSaveSchema,
  messages: {
    councilName: "Skriv kommunalbestyrelsens navn med 2 til 80 tegn på én linje, fx byrådet.",
    version: "Siden er forældet. Genindlæs den, og prøv igen.",
  },
};

/** Which setting a form saves: the first thing read, since its texts depend on it. */
export const settingKeyOf = (body: Record<string, unknown>) =>
  typeof body.key === "string" ? body.key.trim() : "";

/** One setting's number; the command holds its range. */
export const settingForm = (
  def: SettingDefinition,
): AdminForm<{ value: string; version: string }, SettingSave> => ({
  fields: z.object({ value: formText.transform((s) => s.trim()), version: formText }),
  input: (v) => ({
    key: def.key as SettingSave["key"],
    // Digits only: "2,5" or "1e1" is not a whole number a person typed.
    value: /^\d{1,3}$/.test(v.value) ? Number(v.value) : Number.NaN,
    version: versionOf(v.version),
  }),
  rules: settingSaveSchema,
  messages: {
    value: `${def.label}: skriv et helt tal fra ${def.min} til ${def.max}.`,
    version: "Siden er forældet. Genindlæs den, og prøv igen.",
  },
});

/** What a page says after a save, by the redirect's besked. */
export const notices: Record<string, string> = {
  tilfoejet: "Tilføjet.",
  gemt: "Ændringen er gemt.",
  slettet: "Slettet.",
};
