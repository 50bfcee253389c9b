// The default organisation: Copenhagen's administrations and committees (the demo's, as in
// data/demo/organisation.json). Recognizers read units through `doc.units`, built from the
// organisation a document is imported into; this default serves analysis without one
// (tests and benchmarks).
import { type Mention, type OrganisationUnits, Units } from "./units.ts";

export type { Mention } from "./units.ts";

/** Codes are the organisation's own (administrations.code / committees.code). */
export type AdministrationCode = string;
export type CommitteeCode = string;

export const DEFAULT_ORGANISATION: OrganisationUnits = {
  administrations: [
    { code: "BIF", name: "Beskæftigelses- og Integrationsforvaltningen" },
    { code: "BUF", name: "Børne- og Ungdomsforvaltningen" },
    { code: "KFF", name: "Kultur- og Fritidsforvaltningen" },
    { code: "SOF", name: "Socialforvaltningen" },
    { code: "SUF", name: "Sundheds- og Omsorgsforvaltningen" },
    { code: "TMF", name: "Teknik- og Miljøforvaltningen" },
    { code: "ØKF", name: "Økonomiforvaltningen" },
  ],
  committees: [
    { code: "BIU", name: "Beskæftigelses- og Integrationsudvalget" },
    { code: "BUU", name: "Børne- og Ungdomsudvalget" },
    { code: "KFU", name: "Kultur- og Fritidsudvalget" },
    { code: "SOU", name: "Socialudvalget" },
    { code: "SUU", name: "Sundheds- og Omsorgsudvalget" },
    { code: "TMU", name: "Teknik- og Miljøudvalget" },
    { code: "ØU", name: "Økonomiudvalget" },
  ],
};

export const DEFAULT_UNITS = new Units(DEFAULT_ORGANISATION);

/** With the default organisation; recognizers use `doc.units` instead. */
export function findAdministrations(text: string, withAbbreviations = true): Mention[] {
  return DEFAULT_UNITS.findAdministrations(text, withAbbreviations);
}

/** With the default organisation; recognizers use `doc.units` instead. */
export function findCommittees(text: string): Mention[] {
  return DEFAULT_UNITS.findCommittees(text);
}

/** With the default organisation; recognizers use `doc.units` instead. */
export function committeeInCompact(text: string): CommitteeCode | null {
  return DEFAULT_UNITS.committeeInCompact(text);
}
