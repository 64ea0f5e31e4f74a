import { REF } from '../references';
import type { Rule } from '../rule';
import { describeRoleRef, describeSubject, forEachBoundSubject } from '../../model/rbac-binding';

/** Who each subject is, by `kind/name`. */
const EVERYONE: Readonly<Record<string, string>> = {
  'User/system:anonymous': 'every request that carries no credentials',
  'Group/system:unauthenticated': 'every request that carries no credentials',
  'Group/system:authenticated':
    'every user and service account that can authenticate to the cluster (on some managed platforms, any account of the cloud provider), not a trusted group',
};

/** ClusterRoles that Kubernetes itself grants to these groups: they expose only discovery and public information. */
const PUBLIC_ROLES = new Set(['system:basic-user', 'system:discovery', 'system:public-info-viewer', 'system:service-account-issuer-discovery']);

export const rbacAnonymousAccess: Rule = {
  meta: {
    id: 'rbac-anonymous-access',
    title: 'Binding to anonymous or all authenticated users',
    description: 'A RoleBinding or ClusterRoleBinding grants a role to `system:anonymous`, `system:unauthenticated` or `system:authenticated`.',
    severity: 'error',
    category: 'rbac',
    tags: ['least-privilege', 'authentication'],
    help: `Requests without credentials are made as the user \`system:anonymous\` in the group
\`system:unauthenticated\`: binding a role to either gives its permissions to anyone who can
reach the API server. The group \`system:authenticated\` is hardly narrower: it holds every
user and every service account of every namespace, and on some managed platforms anyone with an
account of the cloud provider could authenticate.

The subject's \`name\` is reported. Bindings of the ClusterRoles that Kubernetes grants these
groups itself (\`system:basic-user\`, \`system:discovery\`, \`system:public-info-viewer\`) and
of \`system:service-account-issuer-discovery\` (OIDC discovery of service account tokens) are
not reported.

**Fix:** bind the role to the users, groups or service accounts that need it:

\`\`\`yaml
subjects:
  - kind: Group
    name: shop-developers
    apiGroup: rbac.authorization.k8s.io
\`\`\``,
    references: [
      REF.rbacGoodPractices,
      { title: 'Kubernetes: Anonymous requests', url: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests' },
      REF.nsaHardening,
      REF.mitre('T1078.001', 'Valid Accounts: Default Accounts'),
    ],
  },
  defaultOptions: {},
  check(context) {
    forEachBoundSubject(context.resources, (binding, ref, subject) => {
      if (ref.kind === 'ClusterRole' && ref.name !== undefined && PUBLIC_ROLES.has(ref.name)) return;
      const key = `${subject.kind ?? ''}/${subject.name ?? ''}`;
      const who = Object.prototype.hasOwnProperty.call(EVERYONE, key) ? EVERYONE[key] : undefined;
      if (who === undefined) return;
      context.report(binding, ['subjects', subject.index, 'name'], `the ${describeSubject(subject)} is bound to ${describeRoleRef(ref)}: its permissions go to ${who}`);
    });
  },
};
