import type { Resource } from '../../model/resource';
import { REF } from '../references';
import type { Rule } from '../rule';
import { isBinding, roleRefOf } from '../../model/rbac-binding';
import { isRole } from '../../model/rbac-policy';

/** ClusterRoles every cluster has: the user-facing ones and the `system:` bootstrap roles. */
const BUILT_IN_CLUSTER_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

function isBuiltIn(kind: string, namespace: string, name: string): boolean {
  if (name.startsWith('system:')) return true;
  if (kind === 'ClusterRole') return BUILT_IN_CLUSTER_ROLES.has(name);
  // The one bootstrap Role without the prefix, bound by every aggregated API server.
  return namespace === 'kube-system' && name === 'extension-apiserver-authentication-reader';
}

function key(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

export const rbacMissingRole: Rule = {
  meta: {
    id: 'rbac-missing-role',
    title: 'Binding to a role that is not in the linted files',
    description: 'A RoleBinding or ClusterRoleBinding refers to a Role or ClusterRole that is neither in the linted files nor built into Kubernetes.',
    severity: 'note',
    category: 'rbac',
    tags: ['correctness', 'gitops'],
    enabledByDefault: false,
    help: `A binding whose role does not exist grants nothing, so the workload fails with
\`forbidden\` errors; worse, whoever later creates a role of that name, perhaps with very
different rules, silently grants it to the binding's subjects. Typos in \`roleRef.name\` and a
Role looked up in the wrong namespace are the usual causes.

A RoleBinding's Role is looked up in the binding's namespace (as Kustomize sets it: README,
"Namespaces"; a binding and a Role that both lack one meet within the same tree); a ClusterRole anywhere in the
linted files. Aggregated ClusterRoles (with an \`aggregationRule\`) count as present even with
empty \`rules\`, which the controller fills in. The built-in ClusterRoles \`cluster-admin\`,
\`admin\`, \`edit\`, \`view\` and every \`system:\` role, and the Role
\`extension-apiserver-authentication-reader\` of \`kube-system\`, exist in every cluster and
are never reported. A ClusterRoleBinding that refers to a Role, which the API server rejects,
is reported at \`roleRef.kind\`.

**Off by default:** the rule is for repositories that hold every object of the cluster.
Elsewhere most of its findings are false: roles installed by operators, Helm charts or other
repositories are legitimately absent. Enable it with a severity in \`.k8s-lint.yaml\`
(\`rules: { rbac-missing-role: note }\`).

**Fix:** correct \`roleRef\`, or add the role to the repository:

\`\`\`yaml
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: shop-reader   # a Role in the RoleBinding's namespace
\`\`\``,
    references: [
      REF.rbacGoodPractices,
      { title: 'Kubernetes: Using RBAC Authorization', url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/' },
    ],
  },
  defaultOptions: {},
  check(context) {
    // Indexed once so that the cost stays linear in the number of objects.
    const present = new Set<string>();
    const bindings: Resource[] = [];
    for (const resource of context.resources) {
      if (isBinding(resource)) bindings.push(resource);
      if (!isRole(resource) || resource.name === null) continue;
      const namespace = resource.kind === 'Role' ? resource.namespaceKey : '';
      present.add(key(resource.kind, namespace, resource.name));
    }
    for (const binding of bindings) {
      const ref = roleRefOf(binding);
      if (ref.name === undefined || (ref.kind !== 'Role' && ref.kind !== 'ClusterRole')) continue;
      if (ref.kind === 'Role' && binding.kind === 'ClusterRoleBinding') {
        context.report(binding, ['roleRef', 'kind'], `a ClusterRoleBinding can only refer to a ClusterRole, not to Role "${ref.name}": the API server rejects it`);
        continue;
      }
      const namespace = ref.kind === 'Role' ? binding.namespaceKey : '';
      if (isBuiltIn(ref.kind, namespace, ref.name) || present.has(key(ref.kind, namespace, ref.name))) continue;
      const where = ref.kind === 'Role' ? ` in ${binding.namespaceDescription}` : '';
      context.report(binding, ['roleRef', 'name'], `no ${ref.kind} "${ref.name}"${where} among the linted files: the binding grants nothing until one is created, and then whatever that role grants`);
    }
  },
};
