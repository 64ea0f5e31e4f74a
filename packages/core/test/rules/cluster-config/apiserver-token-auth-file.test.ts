import { apiserverTokenAuthFile } from '../../../src/rules/cluster-config/apiserver-token-auth-file';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(apiserverTokenAuthFile, {
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
            - --token-auth-file=/etc/kubernetes/tokens.csv
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[1]', message: 'kube-apiserver (static Pod) reads static tokens: --token-auth-file=/etc/kubernetes/tokens.csv' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            token-auth-file: /etc/kubernetes/tokens.csv
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: token-auth-file
            value: /etc/kubernetes/tokens.csv
      `,
      errors: [
        { line: 5, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs.token-auth-file', message: 'kube-apiserver (kubeadm ClusterConfiguration) reads static tokens: --token-auth-file=/etc/kubernetes/tokens.csv' },
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs[0].value' },
      ],
    },
  ],
});
