import { REF } from '../references';
import type { Rule } from '../rule';
import type { Resource } from '../../model/resource';
import { describeRoleRef, describeSubject, isBinding, roleRefOf, subjectsOf, type Subject } from '../../model/rbac-binding';
import { fullAccessRules, RoleIndex } from '../../model/rbac-permissions';
import { describeRule, quoteAll, verbNames, type PolicyRule } from '../../model/rbac-policy';

const SHOWN_SUBJECTS = 3;

/** What a related location says: the rule, its verbs, and through which aggregated role it is held. */
function describeGrant(rule: PolicyRule, bound: Resource): string {
  const through = rule.role === bound ? '' : `, aggregated into ${bound.kind} "${bound.name ?? '<unnamed>'}"`;
  return `${describeRule(rule)} grants ${quoteAll(verbNames(rule.verbs))} on "*" resources in "*" API groups${through}`;
}

/** `User "alice", Group "ops" and 2 more`, for messages. */
function listSubjects(subjects: readonly Subject[]): string {
  if (subjects.length === 0) return 'no subject yet';
  const shown = subjects.slice(0, SHOWN_SUBJECTS).map(describeSubject).join(', ');
  return subjects.length > SHOWN_SUBJECTS ? `${shown} and ${subjects.length - SHOWN_SUBJECTS} more` : shown;
}

export const rbacClusterAdminBinding: Rule = {
  meta: {
    id: 'rbac-cluster-admin-binding',
    title: 'Binding to cluster-admin or an equivalent role',
    description: 'A RoleBinding or ClusterRoleBinding grants the `cluster-admin` ClusterRole, or a role of the linted files that grants every verb on every resource in every API group.',
    severity: 'error',
    category: 'rbac',
    tags: ['cis', 'least-privilege'],
    help: `\`cluster-admin\` allows every verb on every resource. Bound by a ClusterRoleBinding it is
full control of the cluster: every Secret, every node through privileged pods, and RBAC itself.
Bound by a RoleBinding it is full control of that namespace, its Roles, RoleBindings and Secrets
included. A leaked token or a compromised workload bound to it is a cluster compromise.

A role of the linted files is cluster-admin in all but name when its rules grant \`*\` verbs
(or every one of \`get\`, \`list\`, \`watch\`, \`create\`, \`update\`, \`patch\` and
\`delete\`) on \`*\` resources in \`*\` API groups, without \`resourceNames\`. A ClusterRole
with an \`aggregationRule\` holds the rules of the ClusterRoles of the linted files it selects.
Bindings to such a role are reported the same way, under the same rule id, and the message names
the role and the rule that grants it; JSON \`related\` and SARIF \`relatedLocations\` point at
that rule. A role that is not in the linted files is not guessed at.

The \`roleRef.name\` is reported; the message lists the subjects.

**Fix:** bind a role that grants what the subject needs: the built-in \`admin\`, \`edit\` or
\`view\` roles within a namespace, or a dedicated ClusterRole:

\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
\`\`\``,
    references: [
      REF.cis('5.1.1', 'Ensure that the cluster-admin role is only used where required'),
      REF.rbacGoodPractices,
      REF.mitre('T1078', 'Valid Accounts'),
    ],
  },
  defaultOptions: {},
  check(context) {
    const roles = RoleIndex.of(context.resources);
    for (const binding of context.resources) {
      if (!isBinding(binding)) continue;
      const ref = roleRefOf(binding);
      const scope = binding.kind === 'ClusterRoleBinding'
        ? 'full control of the whole cluster'
        : `full control of ${binding.namespaceDescription}, its Roles, RoleBindings and Secrets included`;
      const subjects = listSubjects(subjectsOf(binding));
      if (ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') {
        context.report(binding, ['roleRef', 'name'], `binds ClusterRole "cluster-admin" to ${subjects}: ${scope}`);
        continue;
      }
      for (const role of roles.rolesOf(binding)) {
        const granting = fullAccessRules(roles.effectiveRules(role));
        if (!granting) continue;
        const related = granting.map((rule) => ({ resource: rule.role, path: ['rules', rule.index], message: describeGrant(rule, role) }));
        const rules = granting.map(describeRule).join(' and ');
        context.report(
          binding,
          ['roleRef', 'name'],
          `binds ${describeRoleRef(ref)} to ${subjects}, and ${rules} ${granting.length === 1 ? 'grants' : 'grant'} every verb on every resource in every API group, like "cluster-admin": ${scope}`,
          undefined,
          related,
        );
        break;
      }
    }
  },
};
