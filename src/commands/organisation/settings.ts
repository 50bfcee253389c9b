// Reading one of the organisation's settings (definitions in domain/settings.ts,
// in the shape queries/inquiries.ts reads too).
import { and, eq } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { settings } from "../../db/schema.ts";
import { settingDefinition, validSettingValue } from "../../domain/settings.ts";

export {
  REMINDER_SETTING,
  type SettingDefinition,
  settingDefinition,
  settingDefinitions,
  settingKeys,
  validSettingValue,
} from "../../domain/settings.ts";

/** The organisation's value of a setting, or its default. No authorization: any command may read it. */
export async function settingValue(ctx: Context, key: string): Promise<number> {
  const def = settingDefinition(key);
  if (!def) throw new Error(`Unknown setting ${key}`);
  const [row] = await ctx.db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.organisationId, ctx.organisationId), eq(settings.key, key)));
  return validSettingValue(def, row?.value) ?? def.defaultValue;
}
