import type { Rule } from '../rule';

/** Reported by the loader, not by a check: the rule exists for its metadata, config and docs. */
export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    title: 'YAML syntax error',
    description: 'A YAML or JSON document cannot be parsed (syntax error, duplicate key, excessive aliases).',
    severity: 'error',
    category: 'syntax',
    tags: ['correctness'],
    help: `A document that does not parse is not linted at all, so none of its security problems
can be reported, and \`kubectl apply\` would reject it. Duplicate keys are reported too: Kubernetes
tooling disagrees on which of the two values wins, so the reviewed value may not be the applied
one. The other documents of the file and all other files are still linted.

**Fix:** correct the syntax at the reported position, for example an indentation error:

\`\`\`yaml
metadata:
  name: web
  labels:
    app: web
\`\`\``,
    references: [{ title: 'YAML 1.2 specification', url: 'https://yaml.org/spec/1.2.2/' }],
  },
  defaultOptions: {},
  check() {
    // Syntax problems are found while parsing, before any rule runs.
  },
};
