import { REF } from '../references';
import { isFalse } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { KUBELET_DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const kubeletProtectKernelDefaultsOff = settingRule(
  {
    id: 'kubelet-protect-kernel-defaults-off',
    title: 'Kubelet may change kernel settings',
    description: 'The kubelet runs without `protectKernelDefaults: true` (the default is false).',
    severity: 'note',
    category: 'cluster-config',
    tags: ['cis', 'kubelet'],
    help: `With \`protectKernelDefaults\` the kubelet refuses to start when the node's kernel settings
differ from what it needs, instead of changing them itself: the node's hardening (set by its
image or configuration management) stays what was reviewed. It defaults to false. Later
benchmark versions dropped the item; it is a note here.

${KUBELET_DEFAULTS_HELP}

**Fix:** set the kernel parameters on the node (\`vm.overcommit_memory=1\`,
\`vm.panic_on_oom=0\`, \`kernel.panic=10\`, \`kernel.panic_on_oops=1\`), then:

\`\`\`yaml
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
protectKernelDefaults: true
\`\`\``,
    references: [REF.cis('4.2.6', 'Ensure that the --protect-kernel-defaults argument is set to true', 'v1.24'), CONTROL_PLANE_REF.kubeletConfig],
  },
  ['kubelet'],
  function* (settings) {
    if (isFalse(settings.effective('protect-kernel-defaults')?.value)) {
      yield problemAt(settings, 'protect-kernel-defaults', `${settings.subject} may change kernel settings: ${settings.describe('protect-kernel-defaults')}`);
    }
  },
);
