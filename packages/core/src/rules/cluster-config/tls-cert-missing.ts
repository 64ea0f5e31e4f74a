import { REF } from '../references';
import type { Component } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

/** Certificate and key flags each component needs, by what they serve. */
const PAIRS: Partial<Record<Component, ReadonlyArray<{ serves: string; cert: string; key: string }>>> = {
  'kube-apiserver': [{ serves: 'its API', cert: 'tls-cert-file', key: 'tls-private-key-file' }],
  etcd: [
    { serves: 'clients', cert: 'cert-file', key: 'key-file' },
    { serves: 'peers', cert: 'peer-cert-file', key: 'peer-key-file' },
  ],
};

export const tlsCertMissing = settingRule(
  {
    id: 'tls-cert-missing',
    title: 'API server or etcd has no TLS certificate and key',
    description: 'kube-apiserver lacks `--tls-cert-file`/`--tls-private-key-file`, or etcd lacks `--cert-file`/`--key-file` or `--peer-cert-file`/`--peer-key-file`.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'etcd', 'encryption'],
    help: `Without a certificate and key, the API server makes a self-signed certificate that no
client can verify (clients then skip verification, and anyone in the path can read tokens), and
etcd serves clients or peers over plain HTTP, or with \`--auto-tls\` over unverifiable TLS.
kubeadm sets all of them from its PKI.

${DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
spec:
  containers:
  - name: etcd
    command:
    - etcd
    - --cert-file=/etc/kubernetes/pki/etcd/server.crt
    - --key-file=/etc/kubernetes/pki/etcd/server.key
    - --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt
    - --peer-key-file=/etc/kubernetes/pki/etcd/peer.key
\`\`\``,
    references: [
      REF.cis('1.2.24', 'Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate'),
      REF.cis('2.1', 'Ensure that the --cert-file and --key-file arguments are set as appropriate'),
      REF.cis('2.4', 'Ensure that the --peer-cert-file and --peer-key-file arguments are set as appropriate'),
      CONTROL_PLANE_REF.etcdSecurity,
    ],
  },
  ['kube-apiserver', 'etcd'],
  function* (settings) {
    for (const { serves, cert, key } of PAIRS[settings.component] ?? []) {
      const missing = [cert, key].filter((name) => !settings.effective(name)?.value);
      // A key without its certificate is reported at the certificate's place, and so on.
      const at = missing[0];
      if (at === undefined) continue;
      yield problemAt(settings, at, `${settings.subject} has no TLS certificate and key for ${serves}: ${missing.map((name) => settings.describe(name)).join(', ')}`);
    }
  },
);
