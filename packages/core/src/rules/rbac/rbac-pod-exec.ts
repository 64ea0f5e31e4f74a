import { REF } from '../references';
import type { Rule } from '../rule';
import { Aggregation } from '../../model/rbac-aggregation';
import { ALL, CORE_GROUP, describeRule, entriesReaching, forEachPolicyRule, inGroups, quoteAll, verbNames, verbsGranting, type Entry, type PolicyRule } from '../../model/rbac-policy';

/** `create` for the SPDY protocol; `get` since kubectl 1.30 opens these streams over WebSockets. */
const STREAM_VERBS = ['create', 'get'];

const SUBRESOURCES = [
  { resource: 'pods/exec', consequence: 'run any command in' },
  { resource: 'pods/attach', consequence: 'attach to the running process of' },
  { resource: 'pods/portforward', consequence: 'open connections to any port of' },
] as const;

type Subresource = (typeof SUBRESOURCES)[number];

/** The subresources each resource entry of the rule reaches, entries that reach none left out. */
function reached(rule: PolicyRule): Map<Entry, Subresource[]> {
  const byEntry = new Map<Entry, Subresource[]>();
  for (const subresource of SUBRESOURCES) {
    for (const entry of entriesReaching(rule, subresource.resource)) byEntry.set(entry, [...(byEntry.get(entry) ?? []), subresource]);
  }
  return new Map([...byEntry].sort(([a], [b]) => a.index - b.index));
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export const rbacPodExec: Rule = {
  meta: {
    id: 'rbac-pod-exec',
    title: 'RBAC rule allows exec, attach or port-forward into pods',
    description: 'A Role or ClusterRole rule grants `create` or `get` on `pods/exec`, `pods/attach` or `pods/portforward`, by name or through a wildcard, letting the holder run commands inside containers or reach their ports.',
    severity: 'warning',
    category: 'rbac',
    tags: ['least-privilege', 'lateral-movement'],
    help: `\`kubectl exec\` and \`kubectl attach\` give a shell or the console of a running container:
whoever can do so reads the container's files, environment and mounted Secrets and service
account token, and acts with the container's privileges. \`kubectl port-forward\` opens
connections to any port of the pod from outside the cluster, past every NetworkPolicy. These are
debugging tools, not permissions for workloads or everyday users.

Older clients open the stream with a \`create\` request; since Kubernetes 1.30 kubectl uses
WebSockets, which the API server authorizes as \`get\`, so both verbs (and \`*\`) are reported.
The permission is read as the API server matches it: \`resources: ["*"]\` and \`*/exec\`
(\`*/attach\`, \`*/portforward\`) reach these subresources, and so do \`apiGroups: ["*"]\` and
\`verbs: ["*"]\`. \`pods/*\` is no wildcard for the API server: it grants nothing and is not
reported. The resource entry is reported, and the message names the subresources it reaches.
Creating pods, which gives the same power over new containers, is reported by
rbac-create-pods; the \`*\` itself by rbac-wildcard.

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
      for (const [entry, subresources] of reached(rule)) {
        const named = subresources.map((subresource) => subresource.resource);
        const through = entry.value === ALL ? ` (reaching ${quoteAll(named)})` : '';
        const consequences = joinAnd(subresources.map((subresource) => subresource.consequence));
        context.report(
          rule.role,
          ['rules', rule.index, 'resources', entry.index],
          `${describeRule(rule)} grants ${quoteAll(verbs)} on "${entry.value}"${through}: the holder can ${consequences} any container in ${scope}${aggregation.note(rule.role)}`,
        );
      }
    });
  },
};
