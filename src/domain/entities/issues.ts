// One entity schema, two languages. The schemas carry no messages of their own:
// a failed check is rendered here, in English for the API and the CLI (after the
// field's open-data name) and in Danish for the pages (after the field's Danish
// label). Rules of our own (a period that ends before it starts …) are custom
// issues with an id, so both languages come from the one catalogue below.
import type { z } from "zod";

export type Language = "en" | "da";

/** The rules of our own that span fields or need the database, by id. */
const ruleTexts = {
  period_order: { en: "ends before the period starts", da: "ligger før periodens start" },
  not_a_period: {
    en: "is not a period (write e.g. 2018, 2018Q3, 2016/17 or 2019-2022)",
    da: "er ikke en periode. Skriv fx 2018, 2018Q3, 2016/17 eller 2019-2022",
  },
  goal_number: {
    en: "is not a goal number (e.g. 3, 3.1 or 3a)",
    da: "er ikke et målnummer. Skriv fx 3, 3.1 eller 3a",
  },
  answered_before_asked: { en: "is before the day it was asked", da: "ligger før spørgsmålet blev stillet" },
  question_count: {
    en: "does not match the number of questions",
    da: "passer ikke med antallet af spørgsmål",
  },
  unknown_administration: {
    en: "is not an administration of this organisation",
    da: "er ikke en forvaltning her",
  },
  unknown_committee: { en: "is not a committee of this organisation", da: "er ikke et udvalg her" },
  unknown_parent: {
    en: "is not something this can be placed under",
    da: "er ikke noget, forslaget kan placeres under",
  },
  unknown_target: {
    en: "is not an entry of this kind in the registry",
    da: "er ikke en post af denne slags i registret",
  },
} as const satisfies Record<string, Record<Language, string>>;
export type RuleId = keyof typeof ruleTexts;

/** A custom issue of one of our rules, for `ctx.addIssue` in a refinement. */
export function ruleIssue(id: RuleId, path: (string | number)[]) {
  return { code: "custom" as const, path, message: id, params: { rule: id } };
}

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

const typeNames: Record<string, Record<Language, string>> = {
  number: { en: "a number", da: "et tal" },
  int: { en: "a whole number", da: "et helt tal" },
  string: { en: "text", da: "tekst" },
  array: { en: "a list", da: "en liste" },
  boolean: { en: "true or false", da: "ja eller nej" },
  object: { en: "an object", da: "et objekt" },
};

/** A list of allowed values as a person reads it: "a, b or c" / "a, b eller c". */
function oneOf(values: readonly unknown[], language: Language, show: (v: string) => string): string {
  const texts = values.map((v) => show(String(v)));
  if (texts.length < 2) return texts.join("");
  return `${texts.slice(0, -1).join(", ")} ${language === "da" ? "eller" : "or"} ${texts.at(-1)}`;
}

const num = (n: unknown, language: Language) => (language === "da" ? String(n).replace(".", ",") : String(n));

/**
 * The message of one issue, without the field's name: "must be a whole number" /
 * "skal være et helt tal". `valueLabel` turns an allowed value into Danish.
 */
export function issueText(
  issue: Issue,
  language: Language,
  valueLabel: (value: string) => string = (v) => v,
): string {
  const da = language === "da";
  const i = issue as Issue & Record<string, unknown>;
  switch (issue.code) {
    case "custom": {
      const rule = (i.params as { rule?: RuleId } | undefined)?.rule;
      if (rule && rule in ruleTexts) return ruleTexts[rule][language];
      return da ? "er ikke gyldig" : "is not valid";
    }
    case "invalid_type": {
      if (i.input === undefined || i.input === null) return da ? "skal udfyldes" : "is required";
      const t = typeNames[String(i.expected)] ?? { en: String(i.expected), da: String(i.expected) };
      return da ? `skal være ${t.da}` : `must be ${t.en}`;
    }
    case "too_small":
      if (i.origin === "string")
        return Number(i.minimum) <= 1
          ? da
            ? "skal udfyldes"
            : "must not be empty"
          : da
            ? `skal være mindst ${i.minimum} tegn`
            : `must be at least ${i.minimum} characters`;
      if (i.origin === "array")
        return da ? `skal have mindst ${i.minimum}` : `must have at least ${i.minimum} items`;
      return da ? `skal være mindst ${num(i.minimum, language)}` : `must be at least ${i.minimum}`;
    case "too_big":
      if (i.origin === "string")
        return da ? `må højst være ${i.maximum} tegn` : `must be at most ${i.maximum} characters`;
      if (i.origin === "array")
        return da ? `må højst have ${i.maximum}` : `must have at most ${i.maximum} items`;
      return da ? `må højst være ${num(i.maximum, language)}` : `must be at most ${i.maximum}`;
    case "invalid_value": {
      const values = (i.values as unknown[] | undefined) ?? [];
      return da
        ? `skal være ${oneOf(values, language, valueLabel)}`
        : `must be ${oneOf(values, language, (v) => `"${v}"`)}`;
    }
    case "invalid_format":
      if (i.format === "date")
        return da ? "skal være en dato som 2024-05-31" : "must be a date like 2024-05-31";
      if (i.format === "uuid") return da ? "er ikke et gyldigt id" : "must be an id (UUID)";
      return da ? "har ikke den rigtige form" : `must be in ${String(i.format)} format`;
    case "unrecognized_keys": {
      const keys = (i.keys as string[] | undefined) ?? [];
      return da
        ? `ukendt felt: ${keys.join(", ")}`
        : `unknown field${keys.length > 1 ? "s" : ""}: ${keys.join(", ")}`;
    }
    default:
      return da ? "er ikke gyldig" : "is not valid";
  }
}
