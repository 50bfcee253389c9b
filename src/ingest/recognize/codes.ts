// Codes of administrations and committees in candidates. They are the organisation's own
// (administrations.code / committees.code): recognizers read units through `doc.units`, built
// from the organisation a document is imported into, and know no municipality's units themselves.
export type AdministrationCode = string;
export type CommitteeCode = string;
