import { REF } from '../references';
import { listValue } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const kubeletUnsafeSysctls = settingRule(
  {
    id: 'kubelet-unsafe-sysctls',
    title: 'Kubelet allows unsafe sysctls',
    description: 'The kubelet lists sysctls in `allowedUnsafeSysctls` (or `--allowed-unsafe-sysctls`).',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['kubelet', 'pod-security'],
    help: `Unsafe sysctls are not namespaced per Pod, or can starve the node: allowing them lets any
Pod scheduled there change kernel behaviour for its neighbours (\`kernel.msg*\`, \`net.core.*\`).
Pod Security Standards forbid them at Baseline; the kubelet list is what makes them work at all.

**Fix:** remove the list, or keep it to the namespaced sysctls a dedicated node pool needs:

\`\`\`yaml
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
allowedUnsafeSysctls: []
\`\`\``,
    references: [CONTROL_PLANE_REF.sysctls, REF.pssBaseline],
  },
  ['kubelet'],
  function* (settings) {
    const sysctls = settings.get('allowed-unsafe-sysctls');
    const listed = sysctls ? listValue(sysctls.value) : [];
    if (listed.length > 0) yield problemAt(settings, 'allowed-unsafe-sysctls', `${settings.subject} allows unsafe sysctls: ${listed.join(', ')}`);
  },
);
