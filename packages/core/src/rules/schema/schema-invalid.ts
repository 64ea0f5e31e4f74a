import type { Rule } from '../rule';
import { builtinSchemaFor, validateNode, type SchemaProblem } from './builtin-schema';
import { CrdSchemas } from './crd-schemas';

export const schemaInvalid: Rule = {
  meta: {
    id: 'schema-invalid',
    title: 'Manifest does not match the Kubernetes schema',
    description: 'A field is unknown, has the wrong type, or a required field is missing, according to the Kubernetes API schema (or the CRD of a custom resource).',
    severity: 'error',
    category: 'schema',
    tags: ['schema', 'correctness'],
    help: `The API server rejects (or, for unknown fields, silently drops) what does not match the
schema of the kind: a misspelled \`securityContext\` key means the hardening you wrote is never
applied. Manifests are checked offline against schemas bundled with k8s-lint, never downloaded.

Built-in kinds are checked against Kubernetes **v1.30**, derived from the pinned
\`kubernetes-types@1.30.0\` package (itself generated from the Kubernetes OpenAPI spec):
unknown fields, wrong types and missing required fields. \`null\` counts as unset, quantities
may be numbers or strings, int-or-string fields (\`targetPort\`) take either.

Custom resources are checked against the \`openAPIV3Schema\` of a CustomResourceDefinition
(\`apiextensions.k8s.io/v1\`) found in the linted files, honouring
\`x-kubernetes-preserve-unknown-fields\` and \`x-kubernetes-int-or-string\`. Other custom
resources are skipped and counted (\`unvalidated\` in the JSON summary).

**Fix:** correct the field name, type or add the missing field:

\`\`\`yaml
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 8080   # a number, not "8080"
\`\`\``,
    references: [{ title: 'Kubernetes API reference', url: 'https://kubernetes.io/docs/reference/kubernetes-api/' }],
  },
  defaultOptions: {},
  check(context) {
    // CRD schemas are indexed once per run and compiled only for kinds that occur.
    const crds = new CrdSchemas(context.resources);
    for (const resource of context.resources) {
      let problems: SchemaProblem[] | undefined;
      const builtin = builtinSchemaFor(resource.apiVersion, resource.kind);
      if (builtin) {
        problems = [];
        validateNode(resource.object, builtin, [], problems);
      } else {
        problems = crds.validate(resource);
      }
      if (problems === undefined) {
        context.markUnvalidated?.(resource);
        continue;
      }
      for (const problem of problems) context.report(resource, problem.path, problem.message);
    }
  },
};
