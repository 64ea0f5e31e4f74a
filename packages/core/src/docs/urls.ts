/** Where each rule's generated documentation is published (docs/rules/<id>.md in the repository). */
export const RULE_DOCS_BASE_URL = 'https://github.com/k8s-lint/k8s-lint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
