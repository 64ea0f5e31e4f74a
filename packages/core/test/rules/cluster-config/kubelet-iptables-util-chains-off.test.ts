import { kubeletIptablesUtilChainsOff } from '../../../src/rules/cluster-config/kubelet-iptables-util-chains-off';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(kubeletIptablesUtilChainsOff, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'KubeletConfiguration without the field: true',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        protectKernelDefaults: true
      `,
    },
  ],
  invalid: [
    {
      name: 'KubeletConfiguration',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        makeIPTablesUtilChains: false
      `,
      errors: [
        { line: 3, column: 1, object: 'KubeletConfiguration ', path: 'makeIPTablesUtilChains', message: 'kubelet (KubeletConfiguration) does not manage its iptables chains: makeIPTablesUtilChains: false' },
      ],
    },
    {
      name: 'kubeletExtraArgs v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            make-iptables-util-chains: "false"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - name: make-iptables-util-chains
            value: "false"
      `,
      errors: [
        { line: 5, column: 5, object: 'InitConfiguration ', path: 'nodeRegistration.kubeletExtraArgs.make-iptables-util-chains', message: 'kubelet (kubeadm kubeletExtraArgs) does not manage its iptables chains: --make-iptables-util-chains=false' },
        { line: 12, column: 5, object: 'JoinConfiguration ', path: 'nodeRegistration.kubeletExtraArgs[0].value' },
      ],
    },
  ],
});
