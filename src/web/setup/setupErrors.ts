// The set-up form's problems in Danish, each pointing at its field. The
// commands answer in English with a path per problem ("administrations.2.code",
// "admin.email"); this maps each path to the field and a sentence for the page.
import type { AppError } from "../../errors.ts";
import type { FieldError } from "../components/ErrorSummary.tsx";
import type { UnitKind } from "./setupForm.ts";
import { UNIT_WORDS } from "./setupForm.ts";
import type { GatheredUnits } from "./setupUnits.ts";

const FIELD_MESSAGES: Record<string, [string, string]> = {
  name: ["name", "Skriv kommunens navn (2–200 tegn)."],
  slug: ["slug", "Det korte navn må kun have små bogstaver a–z, tal og enkelte bindestreger (2–60 tegn)."],
  "admin.name": ["admin-name", "Skriv administratorens navn."],
  "admin.email": ["admin-email", "Skriv en gyldig e-mailadresse, fx navn@kommune.dk."],
  "admin.password": ["admin-password", "Adgangskoden skal være på mindst 12 tegn."],
};

function unitError(path: string[], message: string, units: GatheredUnits): FieldError {
  const kind = path[0] as UnitKind;
  const index = Number(path[1]);
  const origin = units.origin[kind]?.[index];
  const unit = units[kind][index];
  const one = UNIT_WORDS[kind].one;
  const fromRow = origin?.codeField.endsWith("-kode");
  const label = fromRow
    ? `${one} ${Number(origin!.codeField.split("-")[1]) + 1}`
    : `${one} ${unit?.code ?? ""}`;
  const fieldId = (path[2] === "name" ? origin?.nameField : origin?.codeField) ?? "name";
  if (/listed twice/.test(message))
    return { fieldId, message: `${one}skoden ${unit?.code.toUpperCase()} står mere end én gang.` };
  return {
    fieldId,
    message:
      path[2] === "name"
        ? `${label}: skriv et navn på 2–200 tegn.`
        : `${label}: koden skal være 2–10 bogstaver eller tal (fx BSF).`,
  };
}

export const setupErrors = {
  none: [] as FieldError[],
  wrongCode: (given: boolean): string =>
    given
      ? "Opsætningskoden er forkert. Se serverens log fra start."
      : "Skriv opsætningskoden fra serverens log.",
  fromValidation(error: AppError, units: GatheredUnits): FieldError[] {
    const found = error.details.map((d): FieldError => {
      const path = (d.path ?? "").split(".");
      if (path[0] === "administrations" || path[0] === "committees") return unitError(path, d.message, units);
      const [fieldId, message] = FIELD_MESSAGES[path.join(".")] ?? ["name", "Oplysningerne er ikke gyldige."];
      return { fieldId, message };
    });
    // The same sentence once, though zod may report a field twice.
    return found.filter((e, i) => found.findIndex((f) => f.message === e.message) === i);
  },
};
