import { apiserverEncryptionConfigMissing } from '../../../src/rules/cluster-config/apiserver-encryption-config-missing';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(apiserverEncryptionConfigMissing, {
  valid: [
    ...HARDENED_CASES,
  ],
  invalid: [
    {
      name: 'static Pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-apiserver
          namespace: kube-system
        spec:
          containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.30.2
            command:
            - kube-apiserver
            - --anonymous-auth=false
      `,
      errors: [
        { line: 10, column: 5, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command', message: 'kube-apiserver (static Pod) stores Secrets unencrypted: --encryption-provider-config is not set' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        scheduler:
          extraArgs:
            profiling: "false"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: encryption-provider-config
            value: ""
      `,
      errors: [
        { line: 1, column: 1, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs', message: 'kube-apiserver (kubeadm ClusterConfiguration) stores Secrets unencrypted: --encryption-provider-config is not set' },
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs[0].value' },
      ],
    },
  ],
});
