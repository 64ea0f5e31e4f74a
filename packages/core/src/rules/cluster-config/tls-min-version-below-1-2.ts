import { REF } from '../references';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { problemAt, settingRule } from '../../model/control-plane/setting-rule';

/** TLS 1.0 and 1.1 as the components spell them (Go names; etcd's own). */
const OLD_VERSIONS = new Set(['VersionTLS10', 'VersionTLS11', 'TLS1.0', 'TLS1.1']);

export const tlsMinVersionBelow12 = settingRule(
  {
    id: 'tls-min-version-below-1-2',
    title: 'Component accepts TLS older than 1.2',
    description: 'A control-plane component, etcd or the kubelet sets its minimum TLS version to 1.0 or 1.1.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['control-plane', 'kubelet', 'etcd', 'encryption'],
    help: `TLS 1.0 and 1.1 are deprecated (RFC 8996): their handshakes rely on SHA-1 and MD5 and they
lack modern AEAD suites. The components default to TLS 1.2; only a written
\`--tls-min-version\` (or \`tlsMinVersion\`) is checked.

**Fix:**

\`\`\`yaml
spec:
  containers:
  - name: kube-apiserver
    command:
    - kube-apiserver
    - --tls-min-version=VersionTLS12
\`\`\``,
    references: [REF.nsaHardening, CONTROL_PLANE_REF.apiserver, CONTROL_PLANE_REF.kubeletConfig],
  },
  ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kubelet'],
  function* (settings) {
    const version = settings.get('tls-min-version');
    if (version && OLD_VERSIONS.has(version.value.trim())) {
      yield problemAt(settings, 'tls-min-version', `${settings.subject} accepts old TLS versions: ${settings.describe('tls-min-version')}`);
    }
  },
);
