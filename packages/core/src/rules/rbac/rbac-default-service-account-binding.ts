import { REF } from '../references';
import type { Rule } from '../rule';
import { describeRoleRef, forEachBoundSubject } from '../../model/rbac-binding';

export const rbacDefaultServiceAccountBinding: Rule = {
  meta: {
    id: 'rbac-default-service-account-binding',
    title: 'Binding to a default service account',
    description: 'A RoleBinding or ClusterRoleBinding grants a role to the `default` ServiceAccount of a namespace.',
    severity: 'warning',
    category: 'rbac',
    tags: ['cis', 'least-privilege', 'service-accounts'],
    help: `Every namespace has a ServiceAccount named \`default\`, and every pod that names no
\`serviceAccountName\` runs as it. Permissions bound to it therefore go to every such pod of the
namespace, present and future, including ones that never needed them, and their token can be
used by anyone who compromises any of those pods.

The subject's \`name\` is reported.

**Fix:** create a ServiceAccount for the workload, bind the role to it, and name it in the pod
spec:

\`\`\`yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: shop-api
  namespace: shop
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: shop-api
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: shop-api
subjects:
  - kind: ServiceAccount
    name: shop-api
    namespace: shop
\`\`\``,
    references: [
      REF.cis('5.1.5', 'Ensure that default service accounts are not actively used'),
      REF.rbacGoodPractices,
      REF.mitre('T1078.001', 'Valid Accounts: Default Accounts'),
    ],
  },
  defaultOptions: {},
  check(context) {
    forEachBoundSubject(context.resources, (binding, ref, subject) => {
      if (subject.kind !== 'ServiceAccount' || subject.name !== 'default') return;
      const of = subject.namespace !== null ? `of namespace "${subject.namespace}"` : subject.namespaceKey === null ? 'of its namespace' : `of ${binding.namespaceDescription}`;
      context.report(
        binding,
        ['subjects', subject.index, 'name'],
        `binds ${describeRoleRef(ref)} to the "default" ServiceAccount ${of}: every pod of that namespace that names no service account gets its permissions`,
      );
    });
  },
};
