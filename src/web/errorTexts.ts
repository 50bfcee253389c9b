// The heading of an error shown on the page the user acted on (the text under it is the
// error's Danish message, errors.ts). One place, so every page names a refusal alike.
import type { ErrorId } from "../errors.ts";

const headings: Partial<Record<ErrorId, string>> = {
  stale_version: "En anden har gemt først",
  validation_failed: "Oplysningerne er ikke gyldige",
  duplicate: "Det findes allerede",
  not_found: "Det findes ikke længere",
};

export function errorHeading(id: ErrorId): string {
  return headings[id] ?? "Det kan ikke lade sig gøre";
}
