import { apiserverAdmissionNodeRestrictionOff } from '../../../src/rules/cluster-config/apiserver-node-restriction-off';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(apiserverAdmissionNodeRestrictionOff, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'kubeadm enables NodeRestriction when extraArgs does not list plugins',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            profiling: "false"
      `,
    },
  ],
  invalid: [
    {
      name: 'static Pod: not enabled, default, and disabled',
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
            - --enable-admission-plugins=PodSecurity
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: defaulted
          namespace: kube-system
        spec:
          containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.30.2
            command:
            - kube-apiserver
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: disabled
          namespace: kube-system
        spec:
          containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.30.2
            command:
            - kube-apiserver
            - --enable-admission-plugins=NodeRestriction
            - --disable-admission-plugins=NodeRestriction
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[1]', message: 'kube-apiserver (static Pod) does not enable NodeRestriction: --enable-admission-plugins=PodSecurity' },
        { line: 23, column: 5, object: 'Pod kube-system/defaulted', path: 'spec.containers[0].command' },
        { line: 38, column: 7, object: 'Pod kube-system/disabled', path: 'spec.containers[0].command[2]' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4: a list that replaces kubeadm\'s',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            enable-admission-plugins: PodSecurity
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: disable-admission-plugins
            value: NodeRestriction
      `,
      errors: [
        { line: 5, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs.enable-admission-plugins', message: 'kube-apiserver (kubeadm ClusterConfiguration) does not enable NodeRestriction: --enable-admission-plugins=PodSecurity' },
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs[0].value' },
      ],
    },
  ],
});
