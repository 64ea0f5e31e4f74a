import type { Rule } from '../rule';

export const workloadKindInferred: Rule = {
  meta: {
    id: 'workload-kind-inferred',
    title: 'Custom kind linted as a workload by its shape',
    description:
      'An object of a kind that is neither built in nor declared under `workloads:` has `spec.template.spec.containers`: its pod template was inferred, and every pod and container rule checked it.',
    severity: 'note',
    category: 'schema',
    tags: ['coverage', 'custom-resources'],
    help: `k8s-lint knows where the Kubernetes workloads, OpenShift \`DeploymentConfig\`, Argo
\`Rollout\` and Workflows, KEDA \`ScaledJob\` and Knative \`Service\`, \`Configuration\` and
\`Revision\` keep their pods. Any other object that has \`spec.template.spec.containers\` is taken
for a workload too, so that a custom resource running privileged pods is not skipped silently;
this note says it was a guess (one per object, at its \`kind\`). It is a \`note\`, not a problem of
the manifest: the pod and container rules report what is wrong with the pods themselves.

**Fix:** declare the kind, with the dotted path of its pod spec, in \`.k8s-lint.yaml\`. The note
goes away; a declared kind whose pod spec sits elsewhere is read there, and one declared with a
path that holds nothing is not linted as a workload:

\`\`\`yaml
workloads:
  - apiVersion: example.com/v1
    kind: Worker
    podSpecPath: spec.template.spec
\`\`\``,
    references: [
      { title: 'Kubernetes: Custom Resources', url: 'https://kubernetes.io/docs/concepts/extend-kubernetes/api-extension/custom-resources/' },
    ],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      if (pod.origin !== 'inferred') continue;
      const { apiVersion, kind } = pod.resource;
      context.report(
        pod.resource,
        ['kind'],
        `${kind} "${pod.resource.name ?? '<unnamed>'}" is linted as a workload with its pod template at spec.template (inferred): declare it under workloads: in .k8s-lint.yaml ({ apiVersion: ${apiVersion}, kind: ${kind}, podSpecPath: spec.template.spec }) to silence this note`,
      );
    }
  },
};
