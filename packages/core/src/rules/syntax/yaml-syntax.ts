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
can be reported, and \`kubectl apply\` would reject it. The other documents of the file and all
other files are still linted.

A duplicate key (named in the message) is reported at its second occurrence: kustomize refuses
the document, and Kubernetes tooling disagrees on which of the two values wins, so the reviewed
value may not be the applied one. Such a document is still linted, with the last value of each
key and at the positions of that last occurrence, because whatever it holds (a plaintext
password, say) is in the repository all the same.

**Fix:** correct the syntax at the reported position (remove or rename the repeated key), for
example an indentation error:

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
