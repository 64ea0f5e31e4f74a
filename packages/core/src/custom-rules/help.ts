import type { CustomRuleConfig, CustomRuleMatch } from './types';

/**
 * The rule's help as `explain`, SARIF and `rules --format json` show it: the configuration's own
 * `help`, then what the rule matches and each validation, so that a finding can be traced to its
 * expression without opening the configuration.
 */
export function customRuleHelp(config: CustomRuleConfig): string {
  const parts: string[] = [];
  if (config.help !== undefined && config.help.trim() !== '') parts.push(config.help.trim());
  parts.push(`Custom rule of the configuration. Matches: ${describeMatch(config.match)}.`);
  if (config.params !== undefined && Object.keys(config.params).length > 0) parts.push(`Params: \`${JSON.stringify(config.params)}\``);
  for (const variable of config.variables ?? []) parts.push(`Variable \`${variable.name}\`: \`${variable.expression}\``);
  config.validations.forEach((validation, at) => {
    const details = [
      validation.message !== undefined ? `- message: ${validation.message}` : undefined,
      validation.messageExpression !== undefined ? `- message expression: \`${validation.messageExpression}\`` : undefined,
      validation.path !== undefined ? `- field: ${validation.path}` : undefined,
      validation.pathExpression !== undefined ? `- field expression: \`${validation.pathExpression}\`` : undefined,
    ].filter((line): line is string => line !== undefined);
    parts.push([`Validation ${at + 1}: \`${validation.expression}\``, ...details].join('\n'));
  });
  return `${parts.join('\n\n')}\n`;
}

function describeMatch(match: CustomRuleMatch | undefined): string {
  if (!match) return 'every object';
  const parts = [
    match.apiGroups && `API groups ${match.apiGroups.map((group) => (group === '' ? '"" (core)' : group)).join(', ')}`,
    match.kinds && `kinds ${match.kinds.join(', ')}`,
    match.excludeKinds && `except kinds ${match.excludeKinds.join(', ')}`,
    match.namespaces && `namespaces ${match.namespaces.join(', ')}`,
    match.labelSelector && `labels selected by \`${JSON.stringify(match.labelSelector)}\``,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length === 0 ? 'every object' : parts.join('; ');
}
