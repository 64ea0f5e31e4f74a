import { kubeletRotateCertificatesOff } from '../../../src/rules/cluster-config/kubelet-rotate-certificates-off';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(kubeletRotateCertificatesOff, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'absent: the benchmark asks only that it is not set to false',
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
        rotateCertificates: false
      `,
      errors: [
        { line: 3, column: 1, object: 'KubeletConfiguration ', path: 'rotateCertificates', message: 'kubelet (KubeletConfiguration) does not rotate its certificate: rotateCertificates: false' },
      ],
    },
    {
      name: 'kubeletExtraArgs v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            rotate-certificates: "false"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - name: rotate-certificates
            value: "false"
      `,
      errors: [
        { line: 5, column: 5, object: 'InitConfiguration ', path: 'nodeRegistration.kubeletExtraArgs.rotate-certificates', message: 'kubelet (kubeadm kubeletExtraArgs) does not rotate its certificate: --rotate-certificates=false' },
        { line: 12, column: 5, object: 'JoinConfiguration ', path: 'nodeRegistration.kubeletExtraArgs[0].value' },
      ],
    },
  ],
});
