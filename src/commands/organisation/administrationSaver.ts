// Adds or renames an administration (forvaltning); see unitSaver.ts.
import type { Context } from "../../context.ts";
import { unitSaver } from "./unitSaver.ts";

export const administrationSaver = (ctx: Context, input: unknown) => unitSaver(ctx, "administration", input);
