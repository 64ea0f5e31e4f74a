import { REF } from '../references';
import type { Rule } from '../rule';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { auditRules, isAuditPolicy, isCatchAll, levelRank } from '../../model/audit-policy';

export const auditCatchAllNoneFirst: Rule = {
  meta: {
    id: 'audit-catch-all-none-first',
    title: 'Audit policy drops everything before its rules',
    description: 'An audit Policy rule with `level: None` and no selector comes before rules that log.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'audit'],
    help: `Audit rules are read in order and the first one that matches a request decides its level. A
\`level: None\` rule without \`users\`, \`userGroups\`, \`verbs\`, \`resources\`, \`namespaces\` or
\`nonResourceURLs\` matches every request, so the rules after it never apply and nothing is
logged. A catch-all belongs at the end of the policy.

**Fix:** move the catch-all to the end (or give it selectors, to drop only noisy requests):

\`\`\`yaml
apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: None
  nonResourceURLs: [/healthz*, /readyz*, /livez*]
- level: Metadata
  resources:
  - group: ""
    resources: [secrets, configmaps]
- level: None
\`\`\``,
    references: [REF.cis('3.2.1', 'Ensure that a minimal audit policy is created'), CONTROL_PLANE_REF.auditing],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      if (!isAuditPolicy(resource)) continue;
      const rules = auditRules(resource);
      const catchAll = rules.find((rule) => rule.level === 'None' && isCatchAll(rule));
      if (!catchAll) continue;
      const unreached = rules.filter((rule) => rule.index > catchAll.index && levelRank(rule.level) >= levelRank('Metadata'));
      if (unreached.length === 0) continue;
      const names = unreached.map((rule) => `rules[${rule.index}]`).join(', ');
      context.report(resource, [...catchAll.path, 'level'], `rules[${catchAll.index}] drops every request (level None, no selector): ${names} never ${unreached.length === 1 ? 'applies' : 'apply'}`);
    }
  },
};
