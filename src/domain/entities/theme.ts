// A theme (tema, pejlemærke) of a policy.
import { z } from "zod";
import { zRequiredText, zText } from "./fieldTypes.ts";

export const themeFields = {
  number: z.number().int().min(1).max(999),
  title: zRequiredText(500),
  description: zText(20_000),
};

export const themeSchema = z.strictObject(themeFields);
export type ThemeFields = z.output<typeof themeSchema>;
