import { kubeletAuthorizationAlwaysAllow } from '../../../src/rules/cluster-config/kubelet-authorization-always-allow';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(kubeletAuthorizationAlwaysAllow, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'kubeletExtraArgs without the flag',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - name: node-labels
            value: pool=general
      `,
    },
  ],
  invalid: [
    {
      name: 'KubeletConfiguration',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        authorization:
          mode: AlwaysAllow
      `,
      errors: [
        { line: 4, column: 3, object: 'KubeletConfiguration ', path: 'authorization.mode', message: 'kubelet (KubeletConfiguration) authorizes every request: authorization.mode: AlwaysAllow' },
      ],
    },
    {
      name: 'kubeletExtraArgs v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            authorization-mode: AlwaysAllow
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - name: authorization-mode
            value: AlwaysAllow
      `,
      errors: [
        { line: 5, column: 5, object: 'InitConfiguration ', path: 'nodeRegistration.kubeletExtraArgs.authorization-mode', message: 'kubelet (kubeadm kubeletExtraArgs) authorizes every request: --authorization-mode=AlwaysAllow' },
        { line: 12, column: 5, object: 'JoinConfiguration ', path: 'nodeRegistration.kubeletExtraArgs[0].value' },
      ],
    },
  ],
});
