import { availableRules, compareStrings, escapeControls, levelChange, loadConfig, planRun, ruleDocsUrl, type Profile, type RunPlan } from '@k8s-lint/core';
import { displayWidth, outputWidth, padDisplay, wrapWords } from './formatters/wrap';
import type { CliIo } from './io';

/** Flags of `rules` and `explain`: those of `lint` that decide which rules run and how. */
export interface PlanFlags {
  config?: string;
  profile?: Profile;
}

/** The plan a `lint` run with the same flags would follow. */
export function planFromFlags(flags: PlanFlags, io: CliIo): RunPlan {
  const config = loadConfig(io.cwd, flags.config);
  return planRun(availableRules(config), config, { profile: flags.profile });
}

/** `k8s-lint rules`: every rule with its level in this run and, when the profile or overrides change it, why. */
export function listRules(flags: PlanFlags & { format: string }, io: CliIo): string {
  const plan = planFromFlags(flags, io);
  if (flags.format === 'json') {
    const json = plan.rules.map((planned) => ({
      id: planned.rule.meta.id,
      title: planned.rule.meta.title,
      description: planned.rule.meta.description,
      active: planned.active,
      severity: planned.severity,
      source: planned.source,
      ...(planned.overrides.length > 0 ? { overrides: planned.overrides } : {}),
      defaultSeverity: planned.rule.meta.severity,
      category: planned.rule.meta.category,
      tags: planned.rule.meta.tags,
      // A custom rule's documentation is its configuration: no page of ours describes it.
      ...(planned.rule.meta.category === 'custom' ? {} : { helpUri: ruleDocsUrl(planned.rule.meta.id) }),
      references: planned.rule.meta.references,
      defaultOptions: planned.rule.defaultOptions,
    }));
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  return rulesTable(plan, outputWidth(io.stdout, io.env));
}

const SEVERITY_WIDTH = 'SEVERITY'.length;
// Below this, titles go on their own line under the rule rather than in a sliver of a column.
const MIN_TITLE_WIDTH = 20;

/**
 * Rules grouped under their category (a category column would leave titles no room in 80
 * columns), one aligned row each: id, level in this run, title (wrapped in its column) and,
 * when the profile or overrides change the level, why. Every value is escaped: whatever a
 * rule's metadata holds, one row per rule.
 */
function rulesTable(plan: RunPlan, width: number): string {
  const { profile } = plan.settings;
  const idWidth = Math.max(4, ...plan.rules.map(({ rule }) => displayWidth(escapeControls(rule.meta.id))));
  const titleColumn = 2 + idWidth + 2 + SEVERITY_WIDTH + 2;
  const titleBelow = width - titleColumn < MIN_TITLE_WIDTH;
  const lines = [titleBelow ? `  ${padDisplay('RULE', idWidth)}  SEVERITY` : `  ${padDisplay('RULE', idWidth)}  SEVERITY  TITLE`];
  const categories = [...new Set(plan.rules.map(({ rule }) => rule.meta.category))].sort(compareStrings);
  for (const category of categories) {
    lines.push('', escapeControls(category));
    for (const planned of plan.rules.filter(({ rule }) => rule.meta.category === category)) {
      const change = levelChange(planned, profile);
      const title = escapeControls(`${planned.rule.meta.title}${change ? ` (${change})` : ''}`);
      const head = `  ${padDisplay(escapeControls(planned.rule.meta.id), idWidth)}  ${planned.severity.padEnd(SEVERITY_WIDTH)}`;
      if (titleBelow) {
        lines.push(head.trimEnd(), ...wrapWords(title, width - 4).map((line) => `    ${line}`));
        continue;
      }
      const [first, ...rest] = wrapWords(title, width - titleColumn);
      lines.push(`${head}  ${first}`, ...rest.map((line) => `${' '.repeat(titleColumn)}${line}`));
    }
  }
  return `${lines.join('\n')}\n`;
}
