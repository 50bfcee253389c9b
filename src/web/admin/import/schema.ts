// The import form: one file. Its Danish text when no file was chosen; why a chosen document
// could not be read is said by errors.ts (danishReason), by the reader's error code.
export const missingDocument = "Vælg et dokument at importere.";
