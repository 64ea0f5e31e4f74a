import type { Rule } from '../rule';
import { bundledSchema } from '../../kubernetes-schema/bundled-schemas';
import { BuiltinSchema, type SchemaProblem } from '../../kubernetes-schema/builtin-schema';
import { CrdSchemas } from '../../kubernetes-schema/crd-schemas';
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from '../../kubernetes-schema/kubernetes-versions';
import { unservedMessage } from '../../kubernetes-schema/unserved-kind';

const versionList = KUBERNETES_VERSIONS.map((version) => `\`${version}\``).join(', ');

export const schemaInvalid: Rule = {
  meta: {
    id: 'schema-invalid',
    title: 'Manifest does not match the Kubernetes schema',
    description:
      'A field is unknown, has the wrong type or value, a required field is missing, or the kind is not served, according to the Kubernetes API schema of the chosen version (or the CRD of a custom resource).',
    severity: 'error',
    category: 'schema',
    tags: ['schema', 'correctness'],
    help: `The API server rejects (or, for unknown fields, silently drops) what does not match the
schema of the kind: a misspelled \`securityContext\` key means the hardening you wrote is never
applied. Manifests are checked offline against schemas bundled with k8s-lint, never downloaded.

Built-in kinds are checked against the Kubernetes version chosen with \`--kubernetes-version\`
or the \`kubernetesVersion\` configuration key: one of ${versionList} (default
\`${DEFAULT_KUBERNETES_VERSION}\`). The schemas come from the pinned \`kubernetes-models\` packages, generated
from the Kubernetes OpenAPI spec of each version. Checked: unknown fields (the message names the
version: fields come and go between releases), wrong types, integers (\`replicas: 1.5\` is not
one), values outside an enum (\`imagePullPolicy\`, \`protocol\`, \`restartPolicy\`...) and missing
required fields. \`null\` and \`""\` count as unset, quantities may be numbers or strings,
int-or-string fields (\`targetPort\`) take an integer or a string.

An \`apiVersion\` and \`kind\` that the chosen version does not serve are reported on the
\`apiVersion\` line when another release serves them: removed APIs (\`policy/v1beta1\`
\`PodSecurityPolicy\`, \`extensions/v1beta1\` \`Ingress\`...) name the release that removed them and
the replacement; kinds of newer releases name the bundled versions that serve them.

Custom resources are checked against the \`openAPIV3Schema\` of a CustomResourceDefinition
(\`apiextensions.k8s.io/v1\`) found in the linted files, honouring
\`x-kubernetes-preserve-unknown-fields\` and \`x-kubernetes-int-or-string\`. Other custom
resources, and kinds that no bundled release knows, are skipped and counted (\`unvalidated\` in
the JSON summary).

**Fix:** correct the field name, type or value, add the missing field, or move to the served
\`apiVersion\`:

\`\`\`yaml
apiVersion: apps/v1          # not extensions/v1beta1
kind: Deployment
spec:
  replicas: 2                # an integer, not "2" or 1.5
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: IfNotPresent   # not "ifNotPresent"
          ports:
            - containerPort: 8080
              protocol: TCP
\`\`\``,
    references: [
      { title: 'Kubernetes API reference', url: 'https://kubernetes.io/docs/reference/kubernetes-api/' },
      { title: 'Deprecated API migration guide', url: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/' },
    ],
  },
  defaultOptions: {},
  check(context) {
    // CRD schemas are indexed once per run and compiled only for kinds that occur.
    const crds = new CrdSchemas(context.resources);
    let builtins: BuiltinSchema | undefined;
    for (const resource of context.resources) {
      // The chosen version's file is read on the first object only.
      builtins ??= new BuiltinSchema(bundledSchema(context.settings.kubernetesVersion));
      let problems: SchemaProblem[] | undefined;
      const root = builtins.rootOf(resource.apiVersion, resource.kind);
      if (root) {
        problems = [];
        builtins.validate(resource.object, root, [], problems);
      } else {
        problems = crds.validate(resource);
      }
      if (problems === undefined) {
        const unserved = unservedMessage(builtins.schema, resource.apiVersion, resource.kind);
        if (unserved) problems = [{ path: ['apiVersion'], message: unserved }];
      }
      if (problems === undefined) {
        context.markUnvalidated?.(resource);
        continue;
      }
      for (const problem of problems) context.report(resource, problem.path, problem.message);
    }
  },
};
