import { LabelIndex } from '../../model/label-index';
import type { PodTemplate } from '../../model/pod';
import type { Resource } from '../../model/resource';
import { selectorMatches } from '../../model/selector';
import { asRecord } from '../../values';
import { isEmptySelector } from '../../model/workload-index';
import { REF } from '../references';
import type { Rule } from '../rule';
import { DEFAULT_DENY_POLICY_YAML } from '../../docs/fix-snippets';

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
repository (or directory) that holds a namespace's policies. Namespaces are read as Kustomize
sets them: an object without \`metadata.namespace\` takes the \`namespace:\` of the kustomizations that
apply it, else \`defaultNamespace\` from \`.k8s-lint.yaml\`; with neither its namespace is unknown
(not \`default\`) and it meets only objects of the same root kustomization or top directory
(README, "Namespaces").

**Fix:** add a default-deny policy for the namespace and allow the traffic the workload needs:

${DEFAULT_DENY_POLICY_YAML}`,
    references: [REF.cis('5.3.2', 'Ensure that all Namespaces have NetworkPolicies defined'), REF.networkPolicies, REF.nsaHardening],
  },
  defaultOptions: {},
  check(context) {
    // Pods indexed by namespace and labels, each policy marking what it selects: linear in the
    // number of objects however many share a namespace.
    const workloads = context.podTemplates.filter((pod) => !NOT_WORKLOADS.has(pod.resource.kind));
    const podsByNamespace = new Map<string, LabelIndex<PodTemplate>>();
    for (const pod of workloads) {
      const namespace = pod.resource.namespaceKey;
      let index = podsByNamespace.get(namespace);
      if (!index) podsByNamespace.set(namespace, (index = new LabelIndex<PodTemplate>()));
      index.add(pod, pod.labels);
    }
    const selected = new Set<PodTemplate>();
    const everyPodSelected = new Set<string>();
    for (const policy of context.resources) {
      if (!isNetworkPolicy(policy)) continue;
      const namespace = policy.namespaceKey;
      const selector = asRecord(policy.object.spec)?.podSelector;
      if (everyPodSelected.has(namespace)) continue;
      if (isEmptySelector(selector)) everyPodSelected.add(namespace);
      for (const pod of podsByNamespace.get(namespace)?.candidates(selector) ?? []) {
        if (!selected.has(pod) && selectorMatches(selector, pod.labels)) selected.add(pod);
      }
    }
    for (const pod of workloads) {
      if (everyPodSelected.has(pod.resource.namespaceKey) || selected.has(pod)) continue;
      context.report(pod.resource, [...pod.metadataPath, 'labels'], `no NetworkPolicy in ${pod.resource.namespaceDescription} selects the pods of ${pod.resource.kind} "${pod.resource.name ?? '<unnamed>'}"`);
    }
  },
};
