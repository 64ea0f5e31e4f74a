import type { Resource } from '../model/resource';
import { selectorMatches } from '../model/selector';
import { asRecord } from '../values';
import { REF } from './references';
import type { Rule } from './rule';

/** PodTemplate objects are blueprints, not workloads: no pods run from them directly. */
const NOT_WORKLOADS = new Set(['PodTemplate']);

function isNetworkPolicy(resource: Resource): boolean {
  // The only served version: a policy under any other apiVersion is rejected and isolates nothing.
  return resource.kind === 'NetworkPolicy' && resource.apiVersion === 'networking.k8s.io/v1';
}

export const missingNetworkPolicy: Rule = {
  meta: {
    id: 'missing-network-policy',
    title: 'No NetworkPolicy selects the pods',
    description:
      'A workload\'s pods are selected by no NetworkPolicy of the linted set in their namespace, so any pod in the cluster can reach them and they can reach anything.',
    severity: 'warning',
    category: 'network',
    tags: ['cis', 'nsa', 'segmentation'],
    help: `Kubernetes networking is flat by default: until a NetworkPolicy selects a pod, every
other pod in the cluster can connect to it and it can connect anywhere, which lets an attacker
move laterally from any compromised workload. A pod is isolated only when a NetworkPolicy in its
own namespace selects it through \`spec.podSelector\` (\`matchLabels\` and \`matchExpressions\`;
an empty selector selects every pod of the namespace).

The rule looks only at the NetworkPolicies in the files being linted, so lint the whole
repository (or directory) that holds a namespace's policies. Objects without
\`metadata.namespace\` are taken to be in \`default\`, or in \`defaultNamespace\` from
\`.k8s-lint.yaml\`.

**Fix:** add a default-deny policy for the namespace and allow the traffic the workload needs:

\`\`\`yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
\`\`\``,
    references: [REF.cis('5.3.2', 'Ensure that all Namespaces have NetworkPolicies defined'), REF.networkPolicies, REF.nsaHardening],
  },
  defaultOptions: {},
  check(context) {
    // Indexed by namespace so that the cost stays linear in the number of objects.
    const policiesByNamespace = new Map<string, Resource[]>();
    for (const resource of context.resources) {
      if (!isNetworkPolicy(resource)) continue;
      const namespace = resource.namespaceOr(context.defaultNamespace);
      const list = policiesByNamespace.get(namespace) ?? [];
      list.push(resource);
      policiesByNamespace.set(namespace, list);
    }
    for (const pod of context.podTemplates) {
      if (NOT_WORKLOADS.has(pod.resource.kind)) continue;
      const namespace = pod.resource.namespaceOr(context.defaultNamespace);
      const policies = policiesByNamespace.get(namespace) ?? [];
      const selected = policies.some((policy) => selectorMatches(asRecord(policy.object.spec)?.podSelector, pod.labels));
      if (selected) continue;
      context.report(pod.resource, [...pod.metadataPath, 'labels'], `no NetworkPolicy in namespace "${namespace}" selects the pods of ${pod.resource.kind} "${pod.resource.name ?? '<unnamed>'}"`);
    }
  },
};
