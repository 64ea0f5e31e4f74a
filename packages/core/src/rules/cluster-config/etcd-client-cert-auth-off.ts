import { REF } from '../references';
import { isTrue } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const etcdClientCertAuthOff = settingRule(
  {
    id: 'etcd-client-cert-auth-off',
    title: 'etcd does not require client certificates',
    description: 'etcd runs without `--client-cert-auth=true` or without `--peer-client-cert-auth=true` (both default to false).',
    severity: 'error',
    category: 'cluster-config',
    tags: ['cis', 'etcd', 'authentication'],
    securitySeverity: 9.0,
    help: `etcd holds the whole cluster state, Secrets included. Without client certificate
authentication, anyone who reaches its client port reads and writes everything, bypassing the
API server's authentication, authorization and admission; without peer certificate
authentication, anyone who reaches the peer port can join or impersonate a member. Both default
to false; kubeadm sets both to true.

${DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
spec:
  containers:
  - name: etcd
    command:
    - etcd
    - --client-cert-auth=true
    - --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt
    - --peer-client-cert-auth=true
    - --peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt
\`\`\``,
    references: [
      REF.cis('2.2', 'Ensure that the --client-cert-auth argument is set to true'),
      REF.cis('2.5', 'Ensure that the --peer-client-cert-auth argument is set to true'),
      CONTROL_PLANE_REF.etcdSecurity,
    ],
  },
  ['etcd'],
  function* (settings) {
    for (const [name, who] of [['client-cert-auth', 'clients'], ['peer-client-cert-auth', 'peers']] as const) {
      const value = settings.effective(name)?.value;
      if (value !== undefined && !isTrue(value)) {
        yield problemAt(settings, name, `${settings.subject} does not authenticate ${who} by certificate: ${settings.describe(name)}`);
      }
    }
  },
);
