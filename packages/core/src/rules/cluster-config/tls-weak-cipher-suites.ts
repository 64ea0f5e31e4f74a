import { REF } from '../references';
import { listValue } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { problemAt, settingRule } from '../../model/control-plane/setting-rule';

/** The suites the benchmark accepts (AEAD with forward secrecy; TLS 1.3's own suites). */
const STRONG_SUITES = new Set([
  'TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
]);

export const tlsWeakCipherSuites = settingRule(
  {
    id: 'tls-weak-cipher-suites',
    title: 'Component allows weak TLS cipher suites',
    description: 'A control-plane component, etcd or the kubelet lists a cipher suite outside the strong set (CBC, RC4, 3DES, or RSA key exchange without forward secrecy).',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'kubelet', 'etcd', 'encryption'],
    help: `Suites with RC4 or 3DES are broken, CBC suites have a history of padding-oracle attacks,
and RSA key exchange (\`TLS_RSA_*\`) lets a later key compromise decrypt recorded traffic. Only
lists that are written are checked (\`--tls-cipher-suites\`, etcd's \`--cipher-suites\`, the
KubeletConfiguration's \`tlsCipherSuites\`): Go's default list for TLS 1.2 is acceptable.

**Fix:** keep only AEAD suites with ECDHE:

\`\`\`yaml
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
tlsCipherSuites:
- TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
- TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
- TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305
- TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305
\`\`\``,
    references: [
      REF.cis('1.2.29', 'Ensure that the API Server only makes use of Strong Cryptographic Ciphers'),
      REF.cis('4.2.12', 'Ensure that the Kubelet only makes use of Strong Cryptographic Ciphers'),
      CONTROL_PLANE_REF.apiserver,
    ],
  },
  ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kubelet'],
  function* (settings) {
    const name = settings.component === 'etcd' ? 'cipher-suites' : 'tls-cipher-suites';
    const suites = settings.get(name);
    const weak = suites ? listValue(suites.value).filter((suite) => !STRONG_SUITES.has(suite)) : [];
    if (weak.length > 0) yield problemAt(settings, name, `${settings.subject} allows weak cipher suites: ${weak.join(', ')}`);
  },
);
