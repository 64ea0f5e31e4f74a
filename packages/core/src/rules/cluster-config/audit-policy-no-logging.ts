import { REF } from '../references';
import type { Rule } from '../rule';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { auditRules, isAuditPolicy, levelRank } from '../../model/audit-policy';

export const auditPolicyNoLogging: Rule = {
  meta: {
    id: 'audit-policy-no-logging',
    title: 'Audit policy logs nothing',
    description: 'No rule of an audit Policy logs at `Metadata` or above.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'audit'],
    help: `An audit Policy whose rules are all \`level: None\` (or that has no rules) records no request:
the API server writes an empty audit log, and who read a Secret or changed a binding cannot be
traced. The CIS Benchmark asks for a minimal policy that logs at least the metadata (user, verb,
resource, time, response code) of every request.

**Fix:** end the policy with a rule that logs metadata of everything the rules above leave:

\`\`\`yaml
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
- level: None
  users: [system:kube-proxy]
  verbs: [watch]
- level: Metadata
  resources:
  - group: ""
    resources: [secrets, configmaps]
  - group: authentication.k8s.io
    resources: [tokenreviews]
- level: Metadata
\`\`\``,
    references: [REF.cis('3.2.1', 'Ensure that a minimal audit policy is created'), CONTROL_PLANE_REF.auditing],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      if (!isAuditPolicy(resource)) continue;
      const rules = auditRules(resource);
      if (rules.some((rule) => levelRank(rule.level) >= levelRank('Metadata'))) continue;
      const why = rules.length === 0 ? 'it has no rules' : 'no rule logs at Metadata or above';
      context.report(resource, ['rules'], `The audit policy records no request: ${why}`);
    }
  },
};
