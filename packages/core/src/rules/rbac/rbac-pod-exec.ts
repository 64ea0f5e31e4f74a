import { REF } from '../references';
import type { Rule } from '../rule';
import { Aggregation } from '../../model/rbac-aggregation';
import { CORE_GROUP, describeRule, entriesNaming, forEachPolicyRule, inGroups, quoteAll, verbNames, verbsGranting } from '../../model/rbac-policy';

/** `create` for the SPDY protocol; `get` since kubectl 1.30 opens these streams over WebSockets. */
const STREAM_VERBS = ['create', 'get'];

const SUBRESOURCES = [
  { resource: 'pods/exec', consequence: 'run any command in' },
  { resource: 'pods/attach', consequence: 'attach to the running process of' },
] as const;

export const rbacPodExec: Rule = {
  meta: {
    id: 'rbac-pod-exec',
    title: 'RBAC rule allows exec or attach into pods',
    description: 'A Role or ClusterRole rule grants `create` or `get` on `pods/exec` or `pods/attach`, letting the holder run commands inside containers.',
    severity: 'warning',
    category: 'rbac',
    tags: ['least-privilege', 'lateral-movement'],
    help: `\`kubectl exec\` and \`kubectl attach\` give a shell or the console of a running container:
whoever can do so reads the container's files, environment and mounted Secrets and service
account token, and acts with the container's privileges. Exec is a debugging tool, not a
permission for workloads or everyday users.

Older clients open the stream with a \`create\` request; since Kubernetes 1.30 kubectl uses
WebSockets, which the API server authorizes as \`get\`, so both verbs (and \`*\`) are reported.
\`*/exec\` and \`*/attach\` match these subresources too. The subresource entry is reported.
Creating pods, which gives the same power over new containers, is reported by
rbac-create-pods.

**Fix:** remove the permission, or grant it only to a break-glass role bound for the time it
is needed:

\`\`\`yaml
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list", "watch"]
\`\`\``,
    references: [REF.rbacGoodPractices, REF.mitre('T1609', 'Container Administration Command')],
  },
  defaultOptions: {},
  check(context) {
    const aggregation = Aggregation.of(context.resources);
    forEachPolicyRule(context, (rule) => {
      if (!inGroups(rule, [CORE_GROUP])) return;
      const verbs = verbNames(verbsGranting(rule, STREAM_VERBS));
      if (verbs.length === 0) return;
      const scope = rule.role.kind === 'Role' ? rule.role.namespaceDescription : 'every namespace it is bound in';
      for (const { resource, consequence } of SUBRESOURCES) {
        for (const entry of entriesNaming(rule, resource)) {
          context.report(
            rule.role,
            ['rules', rule.index, 'resources', entry.index],
            `${describeRule(rule)} grants ${quoteAll(verbs)} on "${entry.value}": the holder can ${consequence} any container in ${scope}${aggregation.note(rule.role)}`,
          );
        }
      }
    });
  },
};
