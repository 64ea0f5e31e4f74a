import { apiserverKubeletTlsUnverified } from '../../../src/rules/cluster-config/apiserver-kubelet-tls-unverified';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(apiserverKubeletTlsUnverified, {
  valid: [
    ...HARDENED_CASES,
  ],
  invalid: [
    {
      name: 'static Pod: no certificate authority, and HTTPS off',
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
            - --kubelet-https=false
      `,
      errors: [
        { line: 10, column: 5, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command', message: 'kube-apiserver (static Pod) does not verify kubelet certificates: --kubelet-certificate-authority is not set' },
        { line: 12, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[1]' },
      ],
    },
    {
      name: 'kubeadm v1beta3: kubeadm sets no kubelet certificate authority',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            profiling: "false"
      `,
      errors: [
        { line: 4, column: 3, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs', message: 'kube-apiserver (kubeadm ClusterConfiguration) does not verify kubelet certificates: --kubelet-certificate-authority is not set' },
      ],
    },
    {
      name: 'kubeadm v1beta4: an empty value',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: kubelet-certificate-authority
            value: ""
      `,
      errors: [
        { line: 6, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs[0].value', message: 'kube-apiserver (kubeadm ClusterConfiguration) does not verify kubelet certificates: --kubelet-certificate-authority=' },
      ],
    },
  ],
});
