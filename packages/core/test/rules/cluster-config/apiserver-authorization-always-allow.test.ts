import { apiserverAuthorizationAlwaysAllow } from '../../../src/rules/cluster-config/apiserver-authorization-always-allow';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(apiserverAuthorizationAlwaysAllow, {
  valid: [
    ...HARDENED_CASES,
    {
      name: '--authorization-config alone is not read',
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
            - --authorization-config=/etc/kubernetes/authz.yaml
      `,
    },
    {
      name: 'kubeadm sets Node,RBAC when extraArgs does not',
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
      name: 'static Pod: AlwaysAllow in the list, and the binary default',
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
            - --authorization-mode=Node,RBAC,AlwaysAllow
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
            - --anonymous-auth=false
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[1]', message: 'kube-apiserver (static Pod) authorizes every request: --authorization-mode=Node,RBAC,AlwaysAllow' },
        { line: 23, column: 5, object: 'Pod kube-system/defaulted', path: 'spec.containers[0].command' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4 overrides',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            authorization-mode: AlwaysAllow
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: authorization-mode
            value: AlwaysAllow
      `,
      errors: [
        { line: 5, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs.authorization-mode', message: 'kube-apiserver (kubeadm ClusterConfiguration) authorizes every request: --authorization-mode=AlwaysAllow' },
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs[0].value' },
      ],
    },
  ],
});
