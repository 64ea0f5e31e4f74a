import { REF } from '../references';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const apiserverAuditLogMissing = settingRule(
  {
    id: 'apiserver-audit-log-missing',
    title: 'API server writes no audit log',
    description: 'kube-apiserver has no `--audit-log-path` (nor `--audit-webhook-config-file`).',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'audit'],
    help: `Without an audit log there is no record of who read a Secret, created a Pod or changed a
binding: an intrusion cannot be traced or even noticed. Audit logging is off unless
\`--audit-log-path\` (or an audit webhook) is given, and kubeadm does not turn it on. It also
needs \`--audit-policy-file\`.

${DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
spec:
  containers:
  - name: kube-apiserver
    command:
    - kube-apiserver
    - --audit-policy-file=/etc/kubernetes/audit-policy.yaml
    - --audit-log-path=/var/log/kubernetes/audit/audit.log
    - --audit-log-maxage=30
    - --audit-log-maxbackup=10
    - --audit-log-maxsize=100
\`\`\``,
    references: [REF.cis('1.2.16', 'Ensure that the --audit-log-path argument is set'), CONTROL_PLANE_REF.auditing],
  },
  ['kube-apiserver'],
  function* (settings) {
    if (settings.get('audit-log-path')?.value || settings.get('audit-webhook-config-file')?.value) return;
    yield problemAt(settings, 'audit-log-path', `${settings.subject} writes no audit log: ${settings.describe('audit-log-path')}`);
  },
);
