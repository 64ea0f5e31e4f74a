import type { Resource } from '../../model/resource';
import { asArray, asRecord, type JsonRecord } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { isEmptySelector, isNetworkPolicy, resourcesByNamespace, workloadPodsByNamespace } from '../../model/workload-index';
import { namespaceAnchor, namespaceObjectsByName } from '../../model/namespace-anchor';
import { DEFAULT_DENY_POLICY_YAML } from '../../docs/fix-snippets';

export type Direction = 'ingress' | 'egress';

export interface MissingDefaultDenyOptions {
  /** Directions that need a default-deny policy. */
  directions: Direction[];
}

const POLICY_TYPE: Readonly<Record<Direction, string>> = { ingress: 'Ingress', egress: 'Egress' };

/** Whether the policy is in effect for `direction`, with Kubernetes' defaulting of `policyTypes`. */
function appliesTo(spec: JsonRecord, direction: Direction): boolean {
  const types = spec.policyTypes;
  if (Array.isArray(types) && types.length > 0) return types.includes(POLICY_TYPE[direction]);
  // Any other non-list is refused by the API server, so the policy isolates nothing.
  if (types !== undefined && types !== null && !Array.isArray(types)) return false;
  // Absent or empty: Ingress, plus Egress only when the policy has egress rules (so never a deny).
  return direction === 'ingress' || asArray(spec.egress).length > 0;
}

/** A policy that selects every pod of its namespace and allows nothing in `direction`. */
export function deniesAll(policy: Resource, direction: Direction): boolean {
  const rawSpec = policy.object.spec;
  // A missing spec decodes to the empty one; any other non-object is refused by the API server.
  const spec = rawSpec === undefined || rawSpec === null ? {} : asRecord(rawSpec);
  if (!spec || !isEmptySelector(spec.podSelector) || !appliesTo(spec, direction)) return false;
  const rules = spec[direction];
  return rules === undefined || rules === null || (Array.isArray(rules) && rules.length === 0);
}

export const missingDefaultDeny: Rule<MissingDefaultDenyOptions> = {
  meta: {
    id: 'missing-default-deny',
    title: 'Namespace without a default-deny NetworkPolicy',
    description:
      'A namespace runs workloads of the linted set but has no NetworkPolicy that selects all of its pods and denies all ingress (or all egress) by default.',
    severity: 'warning',
    category: 'network',
    tags: ['cis', 'nsa', 'segmentation'],
    help: `A default-deny policy isolates every pod of a namespace, present and future: only the
traffic that other policies allow explicitly gets through. Without one, a new workload (or one
whose labels drift away from its policy) accepts connections from every pod in the cluster and
can reach anything, which lets an attacker who compromised one pod scan and move laterally.

A policy denies a direction by default when its \`podSelector\` is empty (\`{}\`), the direction
is in effect and it has no rules for it. When \`policyTypes\` is absent the API server sets it to
\`Ingress\`, plus \`Egress\` only when the policy has egress rules, so denying egress needs
\`policyTypes: [Egress]\` written out. The rule reports each namespace once per missing
direction, at its \`Namespace\` object when that is in the linted set, else at its first
workload by kind and name: never by file path, so renaming a file does not move it, and never
at an object of another namespace. It sees only the files being linted: lint the whole
repository. Namespaces that intentionally allow all egress can limit the rule with the
\`directions\` option.

**Fix:** add a default-deny policy to the namespace, then allow what each workload needs:

${DEFAULT_DENY_POLICY_YAML}

\`\`\`yaml
# .k8s-lint.yaml: require default-deny for ingress only
rules:
  missing-default-deny:
    options:
      directions: [ingress]
\`\`\``,
    references: [
      REF.cis('5.3.2', 'Ensure that all Namespaces have NetworkPolicies defined'),
      REF.networkPolicies,
      REF.nsaHardening,
      REF.mitre('T1046', 'Network Service Discovery'),
    ],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { directions: { type: 'array', items: { enum: ['ingress', 'egress'] }, uniqueItems: true } },
    },
  },
  defaultOptions: { directions: ['ingress', 'egress'] },
  check(context) {
    const pods = workloadPodsByNamespace(context);
    const policies = resourcesByNamespace(context, isNetworkPolicy);
    const namespaceObjects = namespaceObjectsByName(context.resources);
    for (const [namespace, templates] of pods) {
      const missing = context.options.directions.filter(
        (direction) => !(policies.get(namespace) ?? []).some((policy) => deniesAll(policy, direction)),
      );
      if (missing.length === 0) continue;
      const anchor = namespaceAnchor(namespaceObjects.get(namespace), templates.map((pod) => pod.resource));
      if (!anchor) continue;
      for (const direction of missing) {
        context.report(anchor.target, anchor.path, `${templates[0]?.resource.namespaceDescription ?? `namespace "${namespace}"`} has no default-deny NetworkPolicy for ${direction}`);
      }
    }
  },
};
