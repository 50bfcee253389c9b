// Adds or renames a committee (udvalg); see unitSaver.ts.
import type { Context } from "../../context.ts";
import { unitSaver } from "./unitSaver.ts";

export const committeeSaver = (ctx: Context, input: unknown) => unitSaver(ctx, "committee", input);
