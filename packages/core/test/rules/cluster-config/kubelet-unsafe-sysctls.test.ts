import { kubeletUnsafeSysctls } from '../../../src/rules/cluster-config/kubelet-unsafe-sysctls';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(kubeletUnsafeSysctls, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'an empty list',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        allowedUnsafeSysctls: []
        ---
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            allowed-unsafe-sysctls: ""
      `,
    },
  ],
  invalid: [
    {
      name: 'KubeletConfiguration',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        allowedUnsafeSysctls:
        - kernel.msg*
        - net.core.somaxconn
      `,
      errors: [
        { line: 3, column: 1, object: 'KubeletConfiguration ', path: 'allowedUnsafeSysctls', message: 'kubelet (KubeletConfiguration) allows unsafe sysctls: kernel.msg*, net.core.somaxconn' },
      ],
    },
    {
      name: 'kubeletExtraArgs v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            allowed-unsafe-sysctls: kernel.shm*
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - name: allowed-unsafe-sysctls
            value: net.ipv4.route.min_pmtu
      `,
      errors: [
        { line: 5, column: 5, object: 'InitConfiguration ', path: 'nodeRegistration.kubeletExtraArgs.allowed-unsafe-sysctls', message: 'kubelet (kubeadm kubeletExtraArgs) allows unsafe sysctls: kernel.shm*' },
        { line: 12, column: 5, object: 'JoinConfiguration ', path: 'nodeRegistration.kubeletExtraArgs[0].value' },
      ],
    },
  ],
});
