import { selectorMatches } from '../../model/selector';
import { asRecord } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { isEmptySelector, isNetworkPolicy, workloadPodIndex } from '../../model/workload-index';

export const networkPolicySelectsNothing: Rule = {
  meta: {
    id: 'network-policy-selects-nothing',
    title: 'NetworkPolicy selects no pods',
    description: 'A NetworkPolicy\'s non-empty `podSelector` matches the pod template of no workload in its namespace in the linted set.',
    severity: 'note',
    category: 'network',
    tags: ['segmentation', 'typo'],
    enabledByDefault: false,
    help: `A NetworkPolicy applies only to the pods its \`spec.podSelector\` matches in its own
namespace. A selector that matches none of the workloads being linted protects nothing here: it
is often a typo in a label key or value, a label that was renamed on the workload but not in the
policy, or a policy placed in the wrong namespace, and the pods it was meant to isolate stay open.

It can also be correct: the policy may be meant for workloads that are managed elsewhere (another
repository, an operator, a Helm chart that is not rendered here), which is why this is a note.
Labels are compared with the pod template (\`spec.template.metadata.labels\`), not with the
workload's own labels. Namespaces are read as Kustomize sets them: an object without \`metadata.namespace\` takes the \`namespace:\` of the kustomizations that
apply it, else \`defaultNamespace\` from \`.k8s-lint.yaml\`; with neither its namespace is unknown
(not \`default\`) and it meets only objects of the same root kustomization or top directory
(README, "Namespaces").

**Off by default:** the rule is for repositories that hold every object of the cluster.
Elsewhere most of its findings are false: policies often guard pods that operators, Helm charts
or other repositories create, so they seem to select nothing. Enable it with a severity in
\`.k8s-lint.yaml\` (\`rules: { network-policy-selects-nothing: note }\`).

**Fix:** make the selector match the labels of the pod template:

\`\`\`yaml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: web   # as in spec.template.metadata.labels of the Deployment
\`\`\``,
    references: [REF.networkPolicies, REF.cis('5.3.2', 'Ensure that all Namespaces have NetworkPolicies defined')],
  },
  defaultOptions: {},
  check(context) {
    const pods = workloadPodIndex(context);
    for (const policy of context.resources) {
      if (!isNetworkPolicy(policy)) continue;
      const selector = asRecord(policy.object.spec)?.podSelector;
      // Empty selectors select every pod; malformed ones are refused by the API server.
      if (isEmptySelector(selector) || !asRecord(selector)) continue;
      const candidates = pods.get(policy.namespaceKey)?.candidates(selector) ?? [];
      if (candidates.some((pod) => selectorMatches(selector, pod.labels))) continue;
      context.report(policy, ['spec', 'podSelector'], `the podSelector of NetworkPolicy "${policy.name ?? '<unnamed>'}" matches no workload of ${policy.namespaceDescription} in the linted files`);
    }
  },
};
