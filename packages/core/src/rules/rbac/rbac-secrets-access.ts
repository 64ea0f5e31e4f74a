import { REF } from '../references';
import type { Rule } from '../rule';
import { Aggregation, aggregationNote } from '../../model/rbac-aggregation';
import { CORE_GROUP, describeRule, entriesReaching, forEachPolicyRule, inGroups, quoteAll, verbNames, verbsGranting } from '../../model/rbac-policy';

const READ_VERBS = ['get', 'list', 'watch'];

export const rbacSecretsAccess: Rule = {
  meta: {
    id: 'rbac-secrets-access',
    title: 'RBAC rule reads Secrets',
    description: 'A Role or ClusterRole rule grants `get`, `list` or `watch` (or `*`) on `secrets`, by name or through a wildcard, without restricting it to named Secrets.',
    severity: 'warning',
    category: 'rbac',
    tags: ['cis', 'least-privilege', 'secrets'],
    help: `Reading a Secret returns its value: database passwords, TLS keys, cloud credentials and
the tokens of other service accounts, which often carry more permissions than the reader.
\`list\` and \`watch\` return the full contents of every Secret in scope, not just their names.
A ClusterRole rule applies to every namespace when bound by a ClusterRoleBinding.

The permission is read as the API server matches it: \`secrets\` or \`*\` in \`resources\`,
\`""\` or \`*\` in \`apiGroups\`, and \`*\` among the verbs all reach Secrets. The resource
entry is reported (a \`*\` is also reported by rbac-wildcard). A rule restricted with
\`resourceNames\` to the Secrets the workload owns is the recommended fix and is not reported.

A ClusterRole labelled \`rbac.authorization.k8s.io/aggregate-to-view: "true"\` pushes its rules
into the built-in \`view\` role (and \`edit\` and \`admin\`), which is designed never to read
Secrets: that case is reported as an error whatever the rule's configured severity.

**Fix:** grant access to the named Secrets only, or mount them into the pod instead of reading
them through the API:

\`\`\`yaml
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    resourceNames: ["shop-db-credentials"]
    verbs: ["get"]
\`\`\``,
    references: [
      REF.cis('5.1.2', 'Minimize access to secrets'),
      REF.rbacGoodPractices,
      REF.secretsGoodPractices,
      REF.mitre('T1552.007', 'Unsecured Credentials: Container API'),
    ],
  },
  defaultOptions: {},
  check(context) {
    const aggregation = Aggregation.of(context.resources);
    forEachPolicyRule(context, (rule) => {
      if (rule.resourceNames.length > 0 || !inGroups(rule, [CORE_GROUP])) return;
      const verbs = verbNames(verbsGranting(rule, READ_VERBS));
      if (verbs.length === 0) return;
      const targets = aggregation.targetsOf(rule.role);
      const intoView = targets.builtIn === 'view';
      const scope = rule.role.kind === 'Role' ? rule.role.namespaceDescription : 'every namespace it is bound in';
      const reads = verbs.some((verb) => verb !== 'get') ? `the value of every Secret in ${scope}` : `any Secret whose name is known in ${scope}`;
      for (const entry of entriesReaching(rule, 'secrets')) {
        const on = entry.value === 'secrets' ? '"secrets"' : `"${entry.value}" (reaching "secrets")`;
        const message = `${describeRule(rule)} grants ${quoteAll(verbs)} on ${on}, reading ${reads}${aggregationNote(targets)}${intoView ? '; "view" must never read Secrets' : ''}`;
        context.report(rule.role, ['rules', rule.index, 'resources', entry.index], message, intoView ? 'error' : undefined);
      }
    });
  },
};
