import { REF } from '../references';
import type { Rule } from '../rule';
import { Aggregation } from '../../model/rbac-aggregation';
import { CORE_GROUP, describeRule, entriesNaming, forEachPolicyRule, inGroups, verbsGranting } from '../../model/rbac-policy';

/** Resources whose creation runs pods, by API group. */
const POD_CREATORS: readonly { group: string; resources: readonly string[] }[] = [
  { group: CORE_GROUP, resources: ['pods', 'replicationcontrollers'] },
  { group: 'apps', resources: ['deployments', 'daemonsets', 'statefulsets', 'replicasets'] },
  { group: 'batch', resources: ['jobs', 'cronjobs'] },
];

export const rbacCreatePods: Rule = {
  meta: {
    id: 'rbac-create-pods',
    title: 'RBAC rule allows creating pods',
    description: 'A Role or ClusterRole rule grants `create` on pods or on a workload resource that runs pods (Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController, Job, CronJob).',
    severity: 'warning',
    category: 'rbac',
    tags: ['cis', 'least-privilege', 'privilege-escalation'],
    help: `Whoever can create a pod in a namespace can run any image there, mount any Secret and
ConfigMap of the namespace and run as any of its service accounts, so they hold every
permission of every service account in it. Where Pod Security admission allows privileged
pods, \`hostPath\` or host namespaces, creating a pod is root on a node. Creating a
Deployment, DaemonSet, StatefulSet, ReplicaSet, ReplicationController, Job or CronJob is the
same thing one step removed, so those are reported too, by this one rule: the risk and the fix
are the same. Running commands in pods that already exist (\`pods/exec\`, \`pods/attach\`) is
kept apart in rbac-pod-exec, as it is a different permission with a different fix.

\`create\` and \`*\` are reported, on the resource entry; \`resources: ["*"]\` is reported by
rbac-wildcard. Deployment tools and controllers legitimately need this permission: grant it in
the namespaces they deploy to only, and accept it with a \`k8s-lint.io/ignore\` annotation.

**Fix:** let a GitOps controller create workloads instead of people, and bind the permission
with a RoleBinding in the target namespace rather than cluster-wide; enforce the \`restricted\`
Pod Security Standard in that namespace:

\`\`\`yaml
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch"]
\`\`\``,
    references: [
      REF.cis('5.1.4', 'Minimize access to create pods'),
      REF.rbacGoodPractices,
      REF.mitre('T1610', 'Deploy Container'),
    ],
  },
  defaultOptions: {},
  check(context) {
    const aggregation = Aggregation.of(context.resources);
    forEachPolicyRule(context, (rule) => {
      const verb = verbsGranting(rule, ['create'])[0];
      if (!verb) return;
      const scope = rule.role.kind === 'Role' ? rule.role.namespaceDescription : 'every namespace it is bound in';
      for (const { group, resources } of POD_CREATORS) {
        if (!inGroups(rule, [group])) continue;
        for (const resource of resources) {
          for (const entry of entriesNaming(rule, resource)) {
            context.report(
              rule.role,
              ['rules', rule.index, 'resources', entry.index],
              `${describeRule(rule)} grants "${verb.value}" on "${entry.value}": the holder can run any pod in ${scope}, with any of its service accounts and Secrets${aggregation.note(rule.role)}`,
            );
          }
        }
      }
    });
  },
};
