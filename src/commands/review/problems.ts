// A candidate's fields that break the registry's rules, as one error: English
// for the API and the CLI, each field's Danish sentence for the review page.
import type { FieldIssue } from "../../domain/entities/index.ts";
import { AppError } from "../../errors.ts";

export function invalidFields(english: FieldIssue[], danish: FieldIssue[]): AppError {
  const details = english.map((e, i) => ({ path: e.path, message: e.message, danish: danish[i]?.message }));
  const summary = english.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ");
  return new AppError("validation_failed", `Invalid fields: ${summary}`, {
    details,
    danish: danish.map((d) => d.message).join(" "),
  });
}
