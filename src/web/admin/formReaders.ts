// zod readers for what a form must read before a command can judge it: numbers, amounts,
// FTE, dates and periods as Danes type them. Each calls the domain's one reader for it
// (danishNumber.ts, money.ts, danishDate.ts, period.ts), so a form reads "1.500" as the
// importer does; a refusal is a zod "custom" issue whose text is Danish (form.ts shows it).
import { z } from "zod";
import { parseDanishDate } from "../../domain/danishDate.ts";
import { parseDanishNumber } from "../../domain/danishNumber.ts";
import { parseDkk, parseFte } from "../../domain/money.ts";
import { normalizePeriod } from "../../domain/period.ts";
import type { Result } from "../../domain/result.ts";

/** Text through one of the domain's readers; `say` rewords its refusal for the field. */
export function reading<T>(read: (text: string) => Result<T>, say?: (error: string) => string) {
  return z.string().transform((text, ctx) => {
    const result = read(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: say ? say(result.error) : result.error });
    return z.NEVER;
  });
}

/** "1.234,5", "2 mio.", "-3"; empty → null. */
export const danishNumber = (say?: (error: string) => string) => reading(parseDanishNumber, say);
/** Kroner: "1.250.000", "1,25 mio. kr."; empty → null. */
export const danishDkk = (say?: (error: string) => string) => reading(parseDkk, say);
/** Full-time equivalents: "2,5", "1,5 årsværk"; empty → null. */
export const danishFte = (say?: (error: string) => string) => reading(parseFte, say);
/** A date as "2026-05-31", "31.05.2026" or "31. maj 2026", as ISO; empty is refused. */
export const danishDate = (say?: (error: string) => string) => reading(parseDanishDate, say);
/** A period ("2025", "2024/25", "2025K3") in its one written form; empty is refused. */
export const period = (say?: (error: string) => string) => reading(normalizePeriod, say);

/** Digits only (at most `digits` of them), as a number; empty → null; anything else refused as `message`. */
export const wholeNumber = (message: string, digits = 15) =>
  z.string().transform((text, ctx) => {
    if (text === "") return null;
    if (new RegExp(`^\\d{1,${digits}}$`).test(text)) return Number(text);
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
