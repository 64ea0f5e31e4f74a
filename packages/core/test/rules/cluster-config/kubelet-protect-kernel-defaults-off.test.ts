import { kubeletProtectKernelDefaultsOff } from '../../../src/rules/cluster-config/kubelet-protect-kernel-defaults-off';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(kubeletProtectKernelDefaultsOff, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'kubeletExtraArgs without the flag',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            node-labels: pool=general
      `,
    },
  ],
  invalid: [
    {
      name: 'KubeletConfiguration: written and absent',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        protectKernelDefaults: false
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: 0
      `,
      errors: [
        { line: 3, column: 1, object: 'KubeletConfiguration ', path: 'protectKernelDefaults', message: 'kubelet (KubeletConfiguration) may change kernel settings: protectKernelDefaults: false' },
        { line: 5, column: 1, object: 'KubeletConfiguration ', path: '' },
      ],
    },
    {
      name: 'kubeletExtraArgs v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            protect-kernel-defaults: "false"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - name: protect-kernel-defaults
            value: "false"
      `,
      errors: [
        { line: 5, column: 5, object: 'InitConfiguration ', path: 'nodeRegistration.kubeletExtraArgs.protect-kernel-defaults', message: 'kubelet (kubeadm kubeletExtraArgs) may change kernel settings: --protect-kernel-defaults=false' },
        { line: 12, column: 5, object: 'JoinConfiguration ', path: 'nodeRegistration.kubeletExtraArgs[0].value' },
      ],
    },
  ],
});
