import path from 'node:path';
import { configLabel, type Config, type RuleLevel } from '../config/config';
import { suggestion } from '../config/active-rules';
import { ConfigError } from '../errors';
import { createExcludeMatcher, STDIN_PATH } from '../load/inputs';
import { familyOf } from '../rule-family';
import type { Finding } from '../types';

/** One `overrides:` entry of `.k8s-lint.yaml`: rule levels for the files its globs match. */
export interface RuleOverride {
  /** Globs relative to the directory of the configuration file, matched like `exclude`. */
  files: string[];
  rules: Record<string, RuleLevel>;
}

/** Ids of the rules that some override gives a severity (not `off`): they must run for those files. */
export function rulesTurnedOnByOverrides(config: Config): Set<string> {
  const ids = new Set<string>();
  for (const override of config.overrides ?? []) {
    for (const [id, level] of Object.entries(override.rules)) if (level !== 'off') ids.add(id);
  }
  return ids;
}

/**
 * Validates the configuration's `overrides` against the known rule ids and returns the pipeline's
 * stage "overrides": a later entry wins; `off` drops the finding (null), a severity gives a new
 * finding with that severity.
 * A rule in `offOutsideOverrides` is off for the run and runs only for the overrides that turn it
 * on, so its findings in files no such override matches are dropped.
 */
export function createOverrides(
  config: Config,
  knownIds: readonly string[],
  cwd: string,
  offOutsideOverrides: ReadonlySet<string> = new Set(),
): (finding: Finding) => Finding | null {
  const overrides = config.overrides ?? [];
  if (overrides.length === 0) return (finding) => finding;
  const known = new Set(knownIds);
  const where = configLabel(config);
  overrides.forEach((override, index) => {
    for (const id of Object.keys(override.rules)) {
      if (!known.has(id)) throw new ConfigError(`${where}: overrides[${index}].rules.${id}: unknown rule "${id}"${suggestion(id, knownIds)}`);
    }
  });
  const base = config.file ? path.dirname(config.file) : cwd;
  const matchers = overrides.map((override) => ({ matches: createExcludeMatcher(override.files), rules: override.rules }));

  const levelFor = (finding: Finding): RuleLevel | undefined => {
    if (finding.file === STDIN_PATH) return undefined;
    const relative = path.relative(base, path.resolve(cwd, finding.file)).split(path.sep).join('/');
    if (relative.startsWith('../')) return undefined;
    let level: RuleLevel | undefined;
    for (const { matches, rules } of matchers) {
      // A family's members (`vap/<policy>`) follow what the family (`vap`) is given.
      const configured = rules[finding.ruleId] ?? rules[familyOf(finding.ruleId) ?? finding.ruleId];
      if (configured !== undefined && matches(relative)) level = configured;
    }
    return level;
  };

  return (finding) => {
    const level = levelFor(finding) ?? (offOutsideOverrides.has(familyOf(finding.ruleId) ?? finding.ruleId) ? 'off' : undefined);
    if (level === 'off') return null;
    return level === undefined || level === finding.severity ? finding : { ...finding, severity: level };
  };
}
