import { REF } from '../references';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const apiserverTokenAuthFile = settingRule(
  {
    id: 'apiserver-token-auth-file',
    title: 'API server reads static tokens from a file',
    description: 'kube-apiserver is given `--token-auth-file`.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'authentication'],
    help: `Static tokens live in clear text on the control-plane nodes, never expire and can only be
changed by restarting the API server. Anyone who reads the file (a backup, a node compromise)
holds the tokens' identities for good.

**Fix:** remove \`--token-auth-file\` and authenticate with client certificates, OIDC, or
ServiceAccount tokens (short-lived, bound):

\`\`\`yaml
spec:
  containers:
  - name: kube-apiserver
    command:
    - kube-apiserver
    - --client-ca-file=/etc/kubernetes/pki/ca.crt
\`\`\``,
    references: [REF.cis('1.2.2', 'Ensure that the --token-auth-file parameter is not set'), CONTROL_PLANE_REF.authentication],
  },
  ['kube-apiserver'],
  function* (settings) {
    const file = settings.get('token-auth-file');
    if (file && file.value !== '') yield problemAt(settings, 'token-auth-file', `${settings.subject} reads static tokens: ${settings.describe('token-auth-file')}`);
  },
);
