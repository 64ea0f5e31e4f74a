import { REF } from '../references';
import { isFalse } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const kubeletIptablesUtilChainsOff = settingRule(
  {
    id: 'kubelet-iptables-util-chains-off',
    title: 'Kubelet does not manage its iptables chains',
    description: 'The kubelet is given `makeIPTablesUtilChains: false` (or `--make-iptables-util-chains=false`).',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'kubelet', 'network'],
    help: `The kubelet keeps iptables chains that drop martian packets and traffic marked for
dropping; turned off, Pod networking rules can drift from what Kubernetes expects. It defaults
to true; only an explicit false is reported.

**Fix:** remove the setting or set it to true:

\`\`\`yaml
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
makeIPTablesUtilChains: true
\`\`\``,
    references: [REF.cis('4.2.6', 'Ensure that the --make-iptables-util-chains argument is set to true'), CONTROL_PLANE_REF.kubeletConfig],
  },
  ['kubelet'],
  function* (settings) {
    if (isFalse(settings.get('make-iptables-util-chains')?.value)) {
      yield problemAt(settings, 'make-iptables-util-chains', `${settings.subject} does not manage its iptables chains: ${settings.describe('make-iptables-util-chains')}`);
    }
  },
);
