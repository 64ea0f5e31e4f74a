import { kubeletReadOnlyPort } from '../../../src/rules/cluster-config/kubelet-read-only-port';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(kubeletReadOnlyPort, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'KubeletConfiguration without the field: 0',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        protectKernelDefaults: true
      `,
    },
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
      name: 'KubeletConfiguration',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: 10255
      `,
      errors: [
        { line: 3, column: 1, object: 'KubeletConfiguration ', path: 'readOnlyPort', message: 'kubelet (KubeletConfiguration) serves an unauthenticated read-only port: readOnlyPort: 10255' },
      ],
    },
    {
      name: 'kubeletExtraArgs v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            read-only-port: "10255"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - name: read-only-port
            value: "10255"
      `,
      errors: [
        { line: 5, column: 5, object: 'InitConfiguration ', path: 'nodeRegistration.kubeletExtraArgs.read-only-port', message: 'kubelet (kubeadm kubeletExtraArgs) serves an unauthenticated read-only port: --read-only-port=10255' },
        { line: 12, column: 5, object: 'JoinConfiguration ', path: 'nodeRegistration.kubeletExtraArgs[0].value' },
      ],
    },
  ],
});
