// Plain text: decode (BOM, UTF-8, UTF-16 or Windows-1252) and unify line breaks.
import { MEDIA_TYPES } from "../detect.ts";
import type { ReadLimits } from "../limits.ts";
import type { RawText } from "../types.ts";
import { decodeText, unixNewlines } from "./decode.ts";
import { readErrors } from "./readError.ts";

export function readText(bytes: Uint8Array, limits: Pick<ReadLimits, "maxTextChars">): RawText {
  const text = unixNewlines(decodeText(bytes).text);
  checkTextLength(text, limits.maxTextChars);
  return { mediaType: MEDIA_TYPES.text, text };
}

export function checkTextLength(text: string, maxTextChars: number): void {
  if (text.length > maxTextChars) throw readErrors.textTooLarge(maxTextChars);
}
