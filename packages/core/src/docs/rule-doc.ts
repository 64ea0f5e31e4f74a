import type { AnyRule } from '../rules/rule';

const GENERATED_NOTICE = '<!-- Generated from the rule\'s metadata by `pnpm docs`. Do not edit by hand. -->';

/** docs/rules/<id>.md: everything a user needs to understand, fix or configure one rule. */
export function renderRuleDoc(rule: AnyRule): string {
  const { meta } = rule;
  const lines = [
    GENERATED_NOTICE,
    '',
    `# ${meta.id}`,
    '',
    `**${meta.title}.** ${meta.description}`,
    '',
    '| | |',
    '|---|---|',
    `| Default severity | \`${meta.severity}\`${meta.enabledByDefault === false ? ' (off by default: enable it in `.k8s-lint.yaml`)' : ''} |`,
    `| Category | ${meta.category} |`,
    `| Tags | ${meta.tags.map((tag) => `\`${tag}\``).join(', ')} |`,
    '',
    '## Why and how to fix',
    '',
    meta.help,
    '',
  ];
  if (meta.optionsSchema) {
    lines.push(
      '## Options',
      '',
      'Default options:',
      '',
      '```json',
      JSON.stringify(rule.defaultOptions, null, 2),
      '```',
      '',
      'Schema:',
      '',
      '```json',
      JSON.stringify(meta.optionsSchema, null, 2),
      '```',
      '',
    );
  }
  lines.push(
    '## Configuration',
    '',
    '```yaml',
    '# .k8s-lint.yaml',
    'rules:',
    `  ${meta.id}: off  # or error, warning, note`,
    '```',
    '',
    'To accept one object, annotate it:',
    '',
    '```yaml',
    'metadata:',
    '  annotations:',
    `    k8s-lint.io/ignore: "${meta.id}"`,
    '    k8s-lint.io/ignore-reason: "why this is acceptable"',
    '```',
    '',
  );
  if (meta.references.length > 0) {
    lines.push('## References', '', ...meta.references.map((ref) => `- [${ref.title}](${ref.url})`), '');
  }
  return lines.join('\n');
}

/** docs/rules/README.md: the catalogue. */
export function renderRuleIndex(rules: readonly AnyRule[]): string {
  const rows = rules.map((rule) => `| [\`${rule.meta.id}\`](${rule.meta.id}.md) | ${rule.meta.title} | \`${rule.meta.severity}\` | ${rule.meta.category} |`);
  return [GENERATED_NOTICE, '', '# Rules', '', '| Rule | Title | Default severity | Category |', '|---|---|---|---|', ...rows, ''].join('\n');
}
