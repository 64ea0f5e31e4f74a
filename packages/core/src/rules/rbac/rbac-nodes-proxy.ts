import { REF } from '../references';
import type { Rule } from '../rule';
import { Aggregation } from '../../model/rbac-aggregation';
import { CORE_GROUP, describeRule, entriesNaming, forEachPolicyRule, inGroups, quoteAll, verbNames } from '../../model/rbac-policy';

export const rbacNodesProxy: Rule = {
  meta: {
    id: 'rbac-nodes-proxy',
    title: 'RBAC rule grants nodes/proxy',
    description: 'A ClusterRole rule grants any verb on `nodes/proxy`, which reaches the kubelet API of every node and bypasses audit logging and admission control.',
    severity: 'error',
    category: 'rbac',
    tags: ['cis', 'privilege-escalation', 'node'],
    help: `The \`nodes/proxy\` subresource forwards requests to the kubelet API of a node. The kubelet
runs commands in any pod of its node (\`/exec\`, \`/run\`), reads their logs and lists them, and
those calls reach it directly: no API server audit event describes the command and no admission
controller sees it. Even \`get\` is enough, since the kubelet authorizes WebSocket connections
as \`get\`. Monitoring agents that only need metrics should use \`nodes/metrics\` and
\`nodes/stats\` instead.

Any verb, including \`*\`, is reported on the \`nodes/proxy\` (or \`*/proxy\`) entry. Roles are
not checked: nodes are cluster-scoped, so a namespaced Role cannot grant it.

**Fix:** grant the narrower subresources:

\`\`\`yaml
rules:
  - apiGroups: [""]
    resources: ["nodes/metrics", "nodes/stats"]
    verbs: ["get"]
\`\`\``,
    references: [
      REF.cis('5.1.10', 'Minimize access to the proxy sub-resource of nodes'),
      REF.rbacGoodPractices,
      { title: 'Kubernetes: Kubelet authentication/authorization', url: 'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/' },
      REF.mitre('T1609', 'Container Administration Command'),
    ],
  },
  defaultOptions: {},
  check(context) {
    const aggregation = Aggregation.of(context.resources);
    forEachPolicyRule(context, (rule) => {
      if (rule.role.kind !== 'ClusterRole' || !inGroups(rule, [CORE_GROUP])) return;
      const verbs = verbNames(rule.verbs);
      if (verbs.length === 0) return;
      for (const entry of entriesNaming(rule, 'nodes/proxy')) {
        context.report(
          rule.role,
          ['rules', rule.index, 'resources', entry.index],
          `${describeRule(rule)} grants ${quoteAll(verbs)} on "${entry.value}": the holder can run commands in any pod through the kubelet API, bypassing audit logging and admission control${aggregation.note(rule.role)}`,
        );
      }
    });
  },
};
