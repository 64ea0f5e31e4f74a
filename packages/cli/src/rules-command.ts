import { BUILTIN_RULES, escapeControls, levelChange, loadConfig, planRun, ruleDocsUrl, type Profile, type RunPlan } from '@k8s-lint/core';
import type { CliIo } from './io';

/** Flags of `rules` and `explain`: those of `lint` that decide which rules run and how. */
export interface PlanFlags {
  config?: string;
  profile?: Profile;
}

/** The plan a `lint` run with the same flags would follow. */
export function planFromFlags(flags: PlanFlags, io: CliIo): RunPlan {
  return planRun(BUILTIN_RULES, loadConfig(io.cwd, flags.config), { profile: flags.profile });
}

/** `k8s-lint rules`: every rule with its level in this run and, when the profile or overrides change it, why. */
export function listRules(flags: PlanFlags & { format: string }, io: CliIo): string {
  const plan = planFromFlags(flags, io);
  const { profile } = plan.settings;
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
      helpUri: ruleDocsUrl(planned.rule.meta.id),
      references: planned.rule.meta.references,
      defaultOptions: planned.rule.defaultOptions,
    }));
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  const idWidth = Math.max(...plan.rules.map(({ rule }) => rule.meta.id.length));
  const lines = plan.rules.map((planned) => {
    const { meta } = planned.rule;
    const change = levelChange(planned, profile);
    return `${meta.id.padEnd(idWidth)}  ${planned.severity.padEnd(7)}  ${meta.category.padEnd(12)}  ${meta.title}${change ? `  (${change})` : ''}`;
  });
  // One line per rule, whatever a rule's metadata holds.
  return `${['RULE'.padEnd(idWidth), 'SEVERITY', 'CATEGORY    ', 'TITLE'].join('  ').trimEnd()}\n${lines.map(escapeControls).join('\n')}\n`;
}
