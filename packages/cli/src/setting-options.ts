import { FLAG_SETTING_KEYS, flagOf, type FlagSettings } from '@k8s-lint/core';
import { Option } from 'commander';

/** The flags' texts as commander gives them: the camelCase of `--pss-version` is the setting's key. */
export type SettingFlagTexts = Partial<Record<keyof FlagSettings, string>>;

/** The command-line option of a setting declared in core (config/settings.ts). */
export function settingOption(key: keyof FlagSettings): Option {
  const flag = flagOf(key);
  const option = new Option(flag.name, flag.help);
  return flag.choices ? option.choices(flag.choices) : option;
}

/** Every setting that has a flag, in declaration order. */
export function settingOptions(): Option[] {
  return FLAG_SETTING_KEYS.map(settingOption);
}
