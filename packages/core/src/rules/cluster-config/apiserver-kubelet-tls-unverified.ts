import { REF } from '../references';
import { isFalse } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const apiserverKubeletTlsUnverified = settingRule(
  {
    id: 'apiserver-kubelet-tls-unverified',
    title: "API server does not verify the kubelets' certificates",
    description: 'kube-apiserver has no `--kubelet-certificate-authority`, or is given `--kubelet-https=false`.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'encryption'],
    help: `The API server connects to kubelets for \`exec\`, \`attach\`, \`logs\` and \`port-forward\`.
Without \`--kubelet-certificate-authority\` it does not check whose certificate the kubelet
presents, so anyone who can intercept node traffic sees (and types into) those sessions.
\`--kubelet-https=false\`, a flag of old versions, sent them in clear text. kubeadm does not
set the certificate authority: the kubelets' serving certificates must be signed by a CA the
API server knows (\`serverTLSBootstrap: true\` and approved CSRs).

${DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
apiServer:
  extraArgs:
  - name: kubelet-certificate-authority
    value: /etc/kubernetes/pki/ca.crt
\`\`\``,
    references: [
      REF.cis('1.2.5', 'Ensure that the --kubelet-certificate-authority argument is set as appropriate'),
      REF.cis('1.2.4', 'Ensure that the --kubelet-https argument is set to true', 'v1.23'),
      CONTROL_PLANE_REF.kubeletAuth,
    ],
  },
  ['kube-apiserver'],
  function* (settings) {
    if (isFalse(settings.get('kubelet-https')?.value)) {
      yield problemAt(settings, 'kubelet-https', `${settings.subject} talks to kubelets in clear text: ${settings.describe('kubelet-https')}`);
    }
    if (!settings.effective('kubelet-certificate-authority')?.value) {
      yield problemAt(settings, 'kubelet-certificate-authority', `${settings.subject} does not verify kubelet certificates: ${settings.describe('kubelet-certificate-authority')}`);
    }
  },
);
