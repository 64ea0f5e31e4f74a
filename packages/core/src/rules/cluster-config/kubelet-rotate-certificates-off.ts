import { REF } from '../references';
import { isFalse } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const kubeletRotateCertificatesOff = settingRule(
  {
    id: 'kubelet-rotate-certificates-off',
    title: 'Kubelet does not rotate its client certificate',
    description: 'The kubelet is given `rotateCertificates: false` (or `--rotate-certificates=false`).',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'kubelet', 'encryption'],
    help: `Without rotation the kubelet's client certificate lives until it expires: a stolen one
stays valid for its whole lifetime, and an expired one takes the node out of the cluster.
The benchmark asks that it is "not set to false", so only an explicit false is reported (kubeadm
turns rotation on; a bare configuration file defaults to false).

**Fix:**

\`\`\`yaml
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
rotateCertificates: true
\`\`\``,
    references: [REF.cis('4.2.10', 'Ensure that the --rotate-certificates argument is not set to false'), CONTROL_PLANE_REF.kubeletConfig],
  },
  ['kubelet'],
  function* (settings) {
    if (isFalse(settings.get('rotate-certificates')?.value)) {
      yield problemAt(settings, 'rotate-certificates', `${settings.subject} does not rotate its certificate: ${settings.describe('rotate-certificates')}`);
    }
  },
);
