import { REF } from '../references';
import type { Rule } from '../rule';
import { Aggregation } from '../../model/rbac-aggregation';
import { ALL, CORE_GROUP, describeRule, forEachPolicyRule, inGroups, quoteAll, RBAC_GROUP, resourceNamesNote, type PolicyRule } from '../../model/rbac-policy';

const AUTHENTICATION_GROUP = 'authentication.k8s.io';

interface Target {
  groups: readonly string[];
  resources: readonly string[];
  subresourcesOf?: string;
}

/** Where each verb means something; elsewhere it grants nothing. */
const VERBS: Readonly<Record<string, { targets: readonly Target[]; consequence: string }>> = {
  escalate: {
    targets: [{ groups: [RBAC_GROUP], resources: ['roles', 'clusterroles'] }],
    consequence: 'the holder can write roles granting permissions it does not have',
  },
  bind: {
    targets: [{ groups: [RBAC_GROUP], resources: ['roles', 'clusterroles'] }],
    consequence: 'the holder can bind roles with permissions it does not have to anyone, itself included',
  },
  impersonate: {
    targets: [
      { groups: [CORE_GROUP], resources: ['users', 'groups', 'serviceaccounts'] },
      // Extra fields are checked as subresources of userextras: `userextras/scopes`.
      { groups: [AUTHENTICATION_GROUP], resources: ['uids'], subresourcesOf: 'userextras' },
    ],
    consequence: 'the holder can act as other users, groups or service accounts and use their permissions',
  },
};

function matches(resource: string, target: Target): boolean {
  if (resource === ALL || target.resources.includes(resource)) return true;
  return target.subresourcesOf !== undefined && resource.startsWith(`${target.subresourcesOf}/`);
}

/** Resource entries of the rule that the verb applies to. */
function affected(rule: PolicyRule, targets: readonly Target[]): string[] {
  const found = new Set<string>();
  for (const target of targets) {
    if (!inGroups(rule, target.groups)) continue;
    for (const entry of rule.resources) if (matches(entry.value, target)) found.add(entry.value);
  }
  return [...found];
}

export const rbacPrivilegeEscalation: Rule = {
  meta: {
    id: 'rbac-privilege-escalation',
    title: 'RBAC rule grants escalate, bind or impersonate',
    description: 'A Role or ClusterRole rule grants the `escalate` or `bind` verb on roles, or `impersonate` on users, groups, service accounts or UIDs.',
    severity: 'error',
    category: 'rbac',
    tags: ['cis', 'privilege-escalation'],
    help: `RBAC prevents privilege escalation by refusing to let anyone create or bind a role with
permissions they do not hold themselves. Three verbs switch that protection off:

- \`escalate\` on \`roles\`/\`clusterroles\` lets the holder write any permission into a role;
- \`bind\` on \`roles\`/\`clusterroles\` lets the holder bind any role, \`cluster-admin\`
  included, to anyone, itself included (\`resourceNames\` limits it to the named roles, which the
  message shows);
- \`impersonate\` on \`users\`, \`groups\`, \`serviceaccounts\` (core group) or \`uids\` and
  \`userextras/<key>\` (\`authentication.k8s.io\`) lets the holder send requests as someone else,
  for example \`kubectl --as=system:admin\`.

The verb entry is reported. A \`*\` in \`verbs\`, which includes all three, is reported by
rbac-wildcard.

**Fix:** remove the verb; grant controllers that manage RBAC only the roles they need to bind,
by name:

\`\`\`yaml
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    resourceNames: ["shop-reader"]
    verbs: ["bind"]
\`\`\``,
    references: [
      REF.cis('5.1.8', 'Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster'),
      REF.rbacGoodPractices,
      REF.mitre('T1068', 'Exploitation for Privilege Escalation'),
      REF.mitre('T1078', 'Valid Accounts'),
    ],
  },
  defaultOptions: {},
  check(context) {
    const aggregation = Aggregation.of(context.resources);
    forEachPolicyRule(context, (rule) => {
      for (const entry of rule.verbs) {
        const verb = Object.prototype.hasOwnProperty.call(VERBS, entry.value) ? VERBS[entry.value] : undefined;
        if (!verb) continue;
        const resources = affected(rule, verb.targets);
        if (resources.length === 0) continue;
        context.report(
          rule.role,
          ['rules', rule.index, 'verbs', entry.index],
          `${describeRule(rule)} grants "${entry.value}" on ${quoteAll(resources)}${resourceNamesNote(rule)}: ${verb.consequence}${aggregation.note(rule.role)}`,
        );
      }
    });
  },
};
