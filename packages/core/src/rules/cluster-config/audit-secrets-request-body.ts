import { REF } from '../references';
import type { Rule } from '../rule';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { SENSITIVE_RESOURCES, auditRules, isAuditPolicy, rulesLoggingBodiesOf, type AuditRule } from '../../model/audit-policy';

export const auditSecretsRequestBody: Rule = {
  meta: {
    id: 'audit-secrets-request-body',
    title: 'Audit policy writes Secret values into the log',
    description: 'The first rules of an audit Policy that match Secrets, ConfigMaps or TokenReviews log them at `Request` or `RequestResponse`.',
    severity: 'error',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'audit', 'secrets'],
    help: `At \`Request\` the audit log holds the body of each request, at \`RequestResponse\` the response
too. For Secrets that is their data, for ConfigMaps whatever was put in them, and for TokenReviews
the bearer token under review: everyone who can read the audit log (or the log pipeline it is
shipped to) can then read every credential of the cluster.

Rules are read in order and the first that matches a request decides its level, so a rule is
reported when it can match one of these resources before a rule that matches all of their
requests (a rule with no \`resources\` matches them too). \`Request\` on reading verbs only
(\`get\`, \`list\`, \`watch\`, \`delete\`) logs no body and is not reported.

**Fix:** log these resources at \`Metadata\` in a rule above the ones that log bodies:

\`\`\`yaml
apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: Metadata
  resources:
  - group: ""
    resources: [secrets, configmaps]
  - group: authentication.k8s.io
    resources: [tokenreviews]
- level: RequestResponse
  resources:
  - group: rbac.authorization.k8s.io
- level: Metadata
\`\`\``,
    references: [REF.cis('3.2.2', 'Ensure that the audit policy covers key security concerns'), CONTROL_PLANE_REF.auditing],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      if (!isAuditPolicy(resource)) continue;
      const rules = auditRules(resource);
      // One finding per rule, naming every sensitive resource it logs the bodies of.
      const logged = new Map<AuditRule, string[]>();
      for (const target of SENSITIVE_RESOURCES) {
        for (const rule of rulesLoggingBodiesOf(rules, target)) logged.set(rule, [...(logged.get(rule) ?? []), target.label]);
      }
      for (const [rule, labels] of [...logged].sort(([a], [b]) => a.index - b.index)) {
        context.report(resource, [...rule.path, 'level'], `rules[${rule.index}] logs ${labels.join(', ')} at ${rule.level}: their values are written to the audit log`);
      }
    }
  },
};
