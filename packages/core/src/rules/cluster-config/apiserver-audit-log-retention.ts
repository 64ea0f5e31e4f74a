import { REF } from '../references';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

/** The benchmark's suggested minimums: 30 days, 10 files, 100 MB. */
const MINIMUMS: ReadonlyArray<[name: string, minimum: number]> = [
  ['audit-log-maxage', 30],
  ['audit-log-maxbackup', 10],
  ['audit-log-maxsize', 100],
];

export const apiserverAuditLogRetention = settingRule(
  {
    id: 'apiserver-audit-log-retention',
    title: 'API server audit log kept too briefly',
    description: 'kube-apiserver writes an audit log file but `--audit-log-maxage` is under 30, `--audit-log-maxbackup` under 10 or `--audit-log-maxsize` under 100 (absent means 0).',
    severity: 'note',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'audit'],
    help: `Retention decides whether the log still holds an incident when someone looks. Absent,
the three flags are 0: files are never removed by age or count and never rotated by size, so the
log fills the disk or is trimmed by hand. The benchmark suggests 30 days, 10 files and 100 MB;
lower values are reported (as notes: what fits depends on the cluster and its log shipping).
Not checked when the log goes to standard output (\`--audit-log-path=-\`).

${DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
apiServer:
  extraArgs:
    audit-log-path: /var/log/kubernetes/audit/audit.log
    audit-log-maxage: "30"
    audit-log-maxbackup: "10"
    audit-log-maxsize: "100"
\`\`\``,
    references: [
      REF.cis('1.2.17', 'Ensure that the --audit-log-maxage argument is set to 30 or as appropriate'),
      REF.cis('1.2.18', 'Ensure that the --audit-log-maxbackup argument is set to 10 or as appropriate'),
      REF.cis('1.2.19', 'Ensure that the --audit-log-maxsize argument is set to 100 or as appropriate'),
      CONTROL_PLANE_REF.auditing,
    ],
  },
  ['kube-apiserver'],
  function* (settings) {
    const path = settings.get('audit-log-path')?.value;
    if (!path || path === '-') return;
    for (const [name, minimum] of MINIMUMS) {
      const value = settings.effective(name)?.value;
      if (value === undefined || !/^\d+$/.test(value.trim()) || Number(value) >= minimum) continue;
      yield problemAt(settings, name, `${settings.subject} keeps its audit log too briefly: ${settings.describe(name)}, suggested at least ${minimum}`);
    }
  },
);
