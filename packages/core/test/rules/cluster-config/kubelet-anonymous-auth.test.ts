import { kubeletAnonymousAuth } from '../../../src/rules/cluster-config/kubelet-anonymous-auth';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(kubeletAnonymousAuth, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'kubeletExtraArgs without the flag: the configuration file kubeadm writes decides',
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
        authentication:
          anonymous:
            enabled: true
      `,
      errors: [
        { line: 5, column: 5, object: 'KubeletConfiguration ', path: 'authentication.anonymous.enabled', message: 'kubelet (KubeletConfiguration) accepts anonymous requests: authentication.anonymous.enabled: true' },
      ],
    },
    {
      name: 'kubeletExtraArgs v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            anonymous-auth: "true"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - name: anonymous-auth
            value: "true"
      `,
      errors: [
        { line: 5, column: 5, object: 'InitConfiguration ', path: 'nodeRegistration.kubeletExtraArgs.anonymous-auth', message: 'kubelet (kubeadm kubeletExtraArgs) accepts anonymous requests: --anonymous-auth=true' },
        { line: 12, column: 5, object: 'JoinConfiguration ', path: 'nodeRegistration.kubeletExtraArgs[0].value' },
      ],
    },
  ],
});
