import { REF } from '../references';
import type { Rule } from '../rule';
import { Aggregation } from '../../model/rbac-aggregation';
import { ALL, describeRule, forEachPolicyRule, type Entry } from '../../model/rbac-policy';

const FIELDS = [
  { field: 'verbs', meaning: 'every verb, including escalate, bind, impersonate and any added later' },
  { field: 'resources', meaning: 'every resource and subresource of its API groups, including Secrets and any added later' },
  { field: 'apiGroups', meaning: 'every API group, including those of CustomResourceDefinitions installed later' },
] as const;

export const rbacWildcard: Rule = {
  meta: {
    id: 'rbac-wildcard',
    title: 'Wildcard in an RBAC rule',
    description: 'A Role or ClusterRole rule lists `*` in `verbs`, `resources` or `apiGroups`, granting everything of that kind, now and in the future.',
    severity: 'warning',
    category: 'rbac',
    tags: ['cis', 'least-privilege'],
    help: `A \`*\` in a Role or ClusterRole rule grants every verb, resource or API group, including
those that do not exist yet: a new CustomResourceDefinition or a new subresource becomes
accessible without anyone reviewing it. \`verbs: ["*"]\` includes \`escalate\`, \`bind\` and
\`impersonate\`; \`resources: ["*"]\` includes Secrets, \`pods/exec\` and \`nodes/proxy\`. Each
\`*\` entry is reported where it is written. What it reaches is reported as well: exec, attach
and port-forward by rbac-pod-exec, reading Secrets by rbac-secrets-access, and bindings to a
role with \`*\` everywhere by rbac-cluster-admin-binding.

A ClusterRole labelled \`rbac.authorization.k8s.io/aggregate-to-view\` (\`-edit\`, \`-admin\`)
pushes its rules into the built-in role of that name, and a ClusterRole selected by an
\`aggregationRule\` of the linted set into that role; the message then says so, because the
wildcard is granted to everyone bound to those roles. The written \`rules\` of a ClusterRole
that has an \`aggregationRule\` are not checked: the controller replaces them.

**Fix:** list the verbs, resources and API groups the workload needs:

\`\`\`yaml
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch"]
\`\`\``,
    references: [REF.cis('5.1.3', 'Minimize wildcard use in Roles and ClusterRoles'), REF.rbacGoodPractices, REF.nsaHardening],
  },
  defaultOptions: {},
  check(context) {
    const aggregation = Aggregation.of(context.resources);
    forEachPolicyRule(context, (rule) => {
      const note = aggregation.note(rule.role);
      for (const { field, meaning } of FIELDS) {
        const list: readonly Entry[] = rule[field];
        for (const entry of list) {
          if (entry.value !== ALL) continue;
          context.report(rule.role, ['rules', rule.index, field, entry.index], `${describeRule(rule)} grants "*" ${field} (${meaning})${note}`);
        }
      }
    });
  },
};
