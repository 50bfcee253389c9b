// The organisation's settings an admin may change: each a whole number with a
// range and a default, stored as a plain JSON number in `settings`. Readers fall
// back to the default, so a missing or damaged row never stops a round or an
// inquiry. None is a secret: a full data package carries them (opendata/).

export const DUE_SETTING = "inquiry_due_working_days";
export const DEFAULT_DUE_WORKING_DAYS = 10;
export const REMINDER_SETTING = "round_reminder_days_before";
export const DEFAULT_REMINDER_DAYS = 5;

export interface SettingDefinition {
  key: string;
  label: string;
  /** The save button's text. */
  button: string;
  hint: string;
  unit: string;
  min: number;
  max: number;
  defaultValue: number;
}

export const settingDefinitions: readonly SettingDefinition[] = [
  {
    key: DUE_SETTING,
    label: "Svarfrist for spørgsmål fra kommunalbestyrelsen",
    button: "Gem svarfrist",
    hint: "Antal arbejdsdage fra spørgsmålet er stillet, til svaret skal være sendt. Et helt tal fra 1 til 60.",
    unit: "arbejdsdage",
    min: 1,
    max: 60,
    defaultValue: DEFAULT_DUE_WORKING_DAYS,
  },
  {
    key: REMINDER_SETTING,
    label: "Påmindelse før fristen i en statusrunde",
    button: "Gem påmindelse",
    hint: "Antal dage før fristen, hvor forvaltningerne får en påmindelse, når en runde åbnes uden et andet tal. Et helt tal fra 1 til 60.",
    unit: "dage",
    min: 1,
    max: 60,
    defaultValue: DEFAULT_REMINDER_DAYS,
  },
];

export const settingKeys = settingDefinitions.map((d) => d.key) as [string, ...string[]];

export function settingDefinition(key: string): SettingDefinition | undefined {
  return settingDefinitions.find((d) => d.key === key);
}

/** A stored value if it is a whole number in range, else undefined. */
export function validSettingValue(def: SettingDefinition, raw: unknown): number | undefined {
  const value = typeof raw === "number" ? raw : Number.NaN;
  return Number.isInteger(value) && value >= def.min && value <= def.max ? value : undefined;
}
