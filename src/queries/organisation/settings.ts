// The organisation's settings: all of them for the admin's page (admins only; for
// anyone else a 404), and the rule for an inquiry's due date.
import { and, eq } from "drizzle-orm";
import { authorize } from "../../authz/can.ts";
import {
  type SettingDefinition,
  settingDefinitions,
  validSettingValue,
} from "../../commands/organisation/settings.ts";
import type { Context } from "../../context.ts";
import { settings } from "../../db/schema.ts";
import { DEFAULT_DUE_WORKING_DAYS, DUE_SETTING } from "../../domain/settings.ts";

export interface SettingRow extends SettingDefinition {
  value: number;
  /** 0 while the setting has never been saved (the default applies). */
  version: number;
  isDefault: boolean;
}

export async function organisationSettings(ctx: Context): Promise<SettingRow[]> {
  authorize(ctx.actor, "read", { entity: "organisation" }, { hidden: true });
  const rows = await ctx.db
    .select({ key: settings.key, value: settings.value, version: settings.version })
    .from(settings)
    .where(eq(settings.organisationId, ctx.organisationId));
  return settingDefinitions.map((def) => {
    const row = rows.find((r) => r.key === def.key);
    const value = row ? validSettingValue(def, row.value) : undefined;
    return {
      ...def,
      value: value ?? def.defaultValue,
      version: row?.version ?? 0,
      isDefault: value === undefined,
    };
  });
}

/** The organisation's rule for an inquiry's due date, in working days after it was asked. */
export async function inquiryDueWorkingDays(ctx: Context): Promise<number> {
  const [row] = await ctx.db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.organisationId, ctx.organisationId), eq(settings.key, DUE_SETTING)));
  const value = Number(row?.value);
  return row && Number.isInteger(value) && value >= 0 && value <= 365 ? value : DEFAULT_DUE_WORKING_DAYS;
}
