import { REF } from '../references';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const apiserverEncryptionConfigMissing = settingRule(
  {
    id: 'apiserver-encryption-config-missing',
    title: 'API server stores Secrets unencrypted in etcd',
    description: 'kube-apiserver has no `--encryption-provider-config`.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'encryption', 'secrets'],
    help: `Without an encryption configuration, Secrets are written to etcd as plain base64: an etcd
backup, a copied data directory or direct etcd access reveals every credential in the cluster.
kubeadm does not configure encryption at rest.

${DEFAULTS_HELP}

**Fix:** write an EncryptionConfiguration (a KMS v2 provider, or \`aescbc\`/\`secretbox\` with a
key kept off the etcd nodes) and give it to the API server:

\`\`\`yaml
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
apiServer:
  extraArgs:
  - name: encryption-provider-config
    value: /etc/kubernetes/enc/encryption-config.yaml
  extraVolumes:
  - name: enc
    hostPath: /etc/kubernetes/enc
    mountPath: /etc/kubernetes/enc
    readOnly: true
\`\`\``,
    references: [REF.cis('1.2.27', 'Ensure that the --encryption-provider-config argument is set as appropriate'), CONTROL_PLANE_REF.encryption],
  },
  ['kube-apiserver'],
  function* (settings) {
    if (settings.get('encryption-provider-config')?.value) return;
    yield problemAt(settings, 'encryption-provider-config', `${settings.subject} stores Secrets unencrypted: ${settings.describe('encryption-provider-config')}`);
  },
);
