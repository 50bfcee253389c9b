// What an organisation calls its council (kommunalbestyrelse), as the pages write it inside a
// sentence: "Spørgsmål fra kommunalbestyrelsen", "Spørgsmål fra Borgerrepræsentationen",
// "Spørgsmål fra byrådet". Stored per organisation (organisations.council_name).
import { z } from "zod";

/** The generic name, for an organisation that has not named its own. */
export const DEFAULT_COUNCIL_NAME = "kommunalbestyrelsen";

const COUNCIL_NAME_MAX_LENGTH = 80;

/** As written inside a sentence; one line of ordinary text. */
export const councilNameSchema = z
  .string()
  .trim()
  .min(2)
  .max(COUNCIL_NAME_MAX_LENGTH)
  .regex(/^[^\p{Cc}]+$/u, "one line of text");
