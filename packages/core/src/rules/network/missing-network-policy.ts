import { LabelIndex } from '../../model/label-index';
import { effectiveDirections, networkPolicySpec, type Direction } from '../../model/network-policy';
import type { PodTemplate } from '../../model/pod';
import { selectorMatches } from '../../model/selector';
import { isEmptySelector, isNetworkPolicy } from '../../model/workload-index';
import { REF } from '../references';
import type { Rule } from '../rule';
import { DEFAULT_DENY_POLICY_YAML } from '../../docs/fix-snippets';

export interface MissingNetworkPolicyOptions {
  /** Directions in which the pods must be selected by some policy. */
  directions: Direction[];
}

/** PodTemplate objects are blueprints, not workloads: no pods run from them directly. */

const UNRESTRICTED: Readonly<Record<Direction, string>> = {
  ingress: 'any pod can connect to them',
  egress: 'they can connect anywhere',
};

/** What the policies of the linted set isolate, for one direction. */
interface Coverage {
  pods: Set<PodTemplate>;
  /** Namespace keys where a policy with an empty selector isolates every pod. */
  wholeNamespaces: Set<string>;
}

export const missingNetworkPolicy: Rule<MissingNetworkPolicyOptions> = {
  meta: {
    id: 'missing-network-policy',
    title: 'No NetworkPolicy selects the pods',
    description:
      'A workload\'s pods are selected by no NetworkPolicy of the linted set in their namespace for ingress (any pod in the cluster can reach them) or for egress (they can reach anything).',
    severity: 'warning',
    category: 'network',
    tags: ['cis', 'nsa', 'segmentation'],
    help: `Kubernetes networking is flat by default: until a NetworkPolicy selects a pod, every
other pod in the cluster can connect to it and it can connect anywhere, which lets an attacker
move laterally from any compromised workload. A pod is isolated only when a NetworkPolicy in its
own namespace selects it through \`spec.podSelector\` (\`matchLabels\` and \`matchExpressions\`;
an empty selector selects every pod of the namespace).

Isolation is per direction: a policy isolates the pods it selects only for the directions of its
effective \`policyTypes\`. When \`policyTypes\` is absent the API server sets \`Ingress\`, plus
\`Egress\` only when the policy has an \`egress\` section, so a pod selected only by such
ingress policies can still open connections anywhere (to the cloud metadata endpoint, or out of
the cluster with stolen data). The rule reports each missing direction once, at the pod
template's labels; a namespace that deliberately leaves egress open can limit the rule with the
\`directions\` option. A policy that isolates a direction and allows nothing in it (a
default-deny) covers that direction: denying all traffic is the strictest isolation, not a gap.

It is a warning, not an error: the pods are exposed only as far as the cluster's other controls
(a CNI default, a mesh, policies applied outside the linted files) leave them, which a manifest
cannot show.

The rule looks only at the NetworkPolicies in the files being linted, so lint the whole
repository (or directory) that holds a namespace's policies. Namespaces are read as Kustomize
sets them: an object without \`metadata.namespace\` takes the \`namespace:\` of the kustomizations that
apply it, else \`defaultNamespace\` from \`.k8s-lint.yaml\`; with neither its namespace is unknown
(not \`default\`) and it meets only objects of the same root kustomization or top directory
(README, "Namespaces").

**Fix:** add a default-deny policy for the namespace and allow the traffic the workload needs:

${DEFAULT_DENY_POLICY_YAML}

\`\`\`yaml
# .k8s-lint.yaml: require policies for ingress only
rules:
  missing-network-policy:
    options:
      directions: [ingress]
\`\`\``,
    references: [REF.cis('5.3.2', 'Ensure that all Namespaces have NetworkPolicies defined'), REF.networkPolicies, REF.nsaHardening],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { directions: { type: 'array', items: { enum: ['ingress', 'egress'] }, uniqueItems: true } },
    },
  },
  defaultOptions: { directions: ['ingress', 'egress'] },
  check(context) {
    // Pods indexed by namespace and labels, each policy marking what it selects: linear in the
    // number of objects however many share a namespace.
    const { directions } = context.options;
    const workloads = context.podTemplates.filter((pod) => pod.createsPods);
    const podsByNamespace = new Map<string, LabelIndex<PodTemplate>>();
    for (const pod of workloads) {
      const namespace = pod.resource.namespaceKey;
      let index = podsByNamespace.get(namespace);
      if (!index) podsByNamespace.set(namespace, (index = new LabelIndex<PodTemplate>()));
      index.add(pod, pod.labels);
    }
    const coverage = new Map(directions.map((direction): [Direction, Coverage] => [direction, { pods: new Set(), wholeNamespaces: new Set() }]));
    for (const policy of context.resources) {
      const spec = isNetworkPolicy(policy) ? networkPolicySpec(policy) : undefined;
      if (!spec) continue;
      const namespace = policy.namespaceKey;
      const covers = effectiveDirections(spec).flatMap((direction) => coverage.get(direction) ?? []).filter((covered) => !covered.wholeNamespaces.has(namespace));
      if (covers.length === 0) continue;
      const selector = spec.podSelector;
      if (isEmptySelector(selector)) {
        for (const covered of covers) covered.wholeNamespaces.add(namespace);
        continue;
      }
      for (const pod of podsByNamespace.get(namespace)?.candidates(selector) ?? []) {
        if (covers.every((covered) => covered.pods.has(pod)) || !selectorMatches(selector, pod.labels)) continue;
        for (const covered of covers) covered.pods.add(pod);
      }
    }
    // One finding per pod naming every open direction: one key per field, as baselines expect.
    for (const pod of workloads) {
      const { resource } = pod;
      const open = directions.filter((direction) => {
        const covered = coverage.get(direction);
        return covered !== undefined && !covered.wholeNamespaces.has(resource.namespaceKey) && !covered.pods.has(pod);
      });
      if (open.length === 0) continue;
      const consequences = open.map((direction) => UNRESTRICTED[direction]).join(', and ');
      context.report(resource, [...pod.metadataPath, 'labels'], `no NetworkPolicy in ${resource.namespaceDescription} selects the pods of ${resource.kind} "${resource.name ?? '<unnamed>'}" for ${open.join(' or ')}: ${consequences}`);
    }
  },
};
