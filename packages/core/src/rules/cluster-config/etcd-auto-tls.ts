import { REF } from '../references';
import { isTrue } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const etcdAutoTls = settingRule(
  {
    id: 'etcd-auto-tls',
    title: 'etcd uses self-signed certificates',
    description: 'etcd is given `--auto-tls=true` or `--peer-auto-tls=true`.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'etcd', 'encryption'],
    help: `With auto TLS etcd makes its own self-signed certificates: traffic is encrypted but no
one can verify whom they talk to, so clients and peers accept any certificate, and an attacker
in the network path reads and changes cluster state.

**Fix:** use certificates from a CA dedicated to etcd:

\`\`\`yaml
apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
etcd:
  local:
    extraArgs:
      auto-tls: "false"
      peer-auto-tls: "false"
\`\`\``,
    references: [
      REF.cis('2.3', 'Ensure that the --auto-tls argument is not set to true'),
      REF.cis('2.6', 'Ensure that the --peer-auto-tls argument is not set to true'),
      CONTROL_PLANE_REF.etcdSecurity,
    ],
  },
  ['etcd'],
  function* (settings) {
    for (const name of ['auto-tls', 'peer-auto-tls']) {
      if (isTrue(settings.get(name)?.value)) yield problemAt(settings, name, `${settings.subject} uses self-signed certificates: ${settings.describe(name)}`);
    }
  },
);
