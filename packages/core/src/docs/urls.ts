const REPOSITORY = 'k8s-lint/k8s-lint';
const BRANCH = 'main';

/** Where each rule's generated documentation is published (docs/rules/<id>.md in the repository). */
export const RULE_DOCS_BASE_URL = `https://github.com/${REPOSITORY}/blob/${BRANCH}/docs/rules/`;

/**
 * The configuration schema as raw JSON, its `$id` (written by `pnpm docs`): what editors fetch
 * for `# yaml-language-server: $schema=...`. A github.com "blob" address would serve an HTML page.
 */
export const CONFIG_SCHEMA_URL = `https://raw.githubusercontent.com/${REPOSITORY}/${BRANCH}/packages/core/schema/config.schema.json`;

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
