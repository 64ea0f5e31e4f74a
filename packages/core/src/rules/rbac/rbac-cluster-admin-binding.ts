import { REF } from '../references';
import type { Rule } from '../rule';
import { describeSubject, isBinding, roleRefOf, subjectsOf, type Subject } from '../../model/rbac-binding';

const SHOWN_SUBJECTS = 3;

/** `User "alice", Group "ops" and 2 more`, for messages. */
function listSubjects(subjects: readonly Subject[]): string {
  if (subjects.length === 0) return 'no subject yet';
  const shown = subjects.slice(0, SHOWN_SUBJECTS).map(describeSubject).join(', ');
  return subjects.length > SHOWN_SUBJECTS ? `${shown} and ${subjects.length - SHOWN_SUBJECTS} more` : shown;
}

export const rbacClusterAdminBinding: Rule = {
  meta: {
    id: 'rbac-cluster-admin-binding',
    title: 'Binding to cluster-admin',
    description: 'A RoleBinding or ClusterRoleBinding grants the `cluster-admin` ClusterRole.',
    severity: 'error',
    category: 'rbac',
    tags: ['cis', 'least-privilege'],
    help: `\`cluster-admin\` allows every verb on every resource. Bound by a ClusterRoleBinding it is
full control of the cluster: every Secret, every node through privileged pods, and RBAC itself.
Bound by a RoleBinding it is full control of that namespace, its Roles, RoleBindings and Secrets
included. A leaked token or a compromised workload bound to it is a cluster compromise.

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
    for (const binding of context.resources) {
      if (!isBinding(binding)) continue;
      const ref = roleRefOf(binding);
      if (ref.kind !== 'ClusterRole' || ref.name !== 'cluster-admin') continue;
      const scope = binding.kind === 'ClusterRoleBinding'
        ? 'full control of the whole cluster'
        : `full control of ${binding.namespaceDescription}, its Roles, RoleBindings and Secrets included`;
      context.report(binding, ['roleRef', 'name'], `binds ClusterRole "cluster-admin" to ${listSubjects(subjectsOf(binding))}: ${scope}`);
    }
  },
};
