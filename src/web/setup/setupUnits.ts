// The administrations or committees of the set-up form, gathered from its three
// sources in order (rows typed, CSV pasted, CSV file uploaded), remembering for
// each unit the field it came from, so an error can point at that field.
import { parseUnitsCsv } from "../../domain/unitsCsv.ts";
import type { FieldError } from "../components/ErrorSummary.tsx";
import {
  csvFieldId,
  fileFieldId,
  rowFieldId,
  type SetupForm,
  type UnitKind,
  type UnitRow,
  uploadedFile,
} from "./setupForm.ts";

/** Largest CSV file of units the form reads (a municipality has tens, not thousands). */
const MAX_FILE_BYTES = 256 * 1024;

export interface GatheredUnits {
  ok: true;
  administrations: UnitRow[];
  committees: UnitRow[];
  /** For each kind, the field each unit came from: a row's code field, the text area or the file. */
  origin: Record<UnitKind, { codeField: string; nameField: string }[]>;
}

type Body = Parameters<typeof uploadedFile>[0];

async function gather(body: Body, form: SetupForm, kind: UnitKind) {
  const units: UnitRow[] = [];
  const origin: GatheredUnits["origin"][UnitKind] = [];
  const errors: FieldError[] = [];
  form[kind].forEach((row, i) => {
    if (!row.code && !row.name) return;
    units.push(row);
    origin.push({ codeField: rowFieldId(kind, i, "code"), nameField: rowFieldId(kind, i, "name") });
  });
  const add = (text: string, field: string) => {
    const parsed = parseUnitsCsv(text);
    if (!parsed.ok) return errors.push({ fieldId: field, message: parsed.danish });
    for (const unit of parsed.units) {
      units.push(unit);
      origin.push({ codeField: field, nameField: field });
    }
  };
  add(form[`${kind}Csv`], csvFieldId(kind));
  const file = uploadedFile(body, kind);
  if (file) {
    if (file.size > MAX_FILE_BYTES)
      errors.push({ fieldId: fileFieldId(kind), message: "Filen er for stor til en liste (højst 256 kB)." });
    else {
      const text = new TextDecoder("utf-8", { fatal: false }).decode(await file.arrayBuffer());
      if (text.includes("\u0000"))
        errors.push({ fieldId: fileFieldId(kind), message: "Filen er ikke en tekst- eller CSV-fil." });
      else add(text, fileFieldId(kind));
    }
  }
  return { units, origin, errors };
}

export async function gatherUnits(
  body: Body,
  form: SetupForm,
): Promise<GatheredUnits | { ok: false; errors: FieldError[] }> {
  const administrations = await gather(body, form, "administrations");
  const committees = await gather(body, form, "committees");
  const errors = [...administrations.errors, ...committees.errors];
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    administrations: administrations.units,
    committees: committees.units,
    origin: { administrations: administrations.origin, committees: committees.origin },
  };
}
