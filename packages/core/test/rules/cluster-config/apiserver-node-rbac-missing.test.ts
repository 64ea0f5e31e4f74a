import { apiserverAuthorizationNodeRbacMissing } from '../../../src/rules/cluster-config/apiserver-node-rbac-missing';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(apiserverAuthorizationNodeRbacMissing, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'ABAC next to Node and RBAC',
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
            - --authorization-mode=Node,ABAC,RBAC
      `,
    },
  ],
  invalid: [
    {
      name: 'static Pod: RBAC only, and the default',
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
            - --authorization-mode
            - RBAC
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
      `,
      errors: [
        { line: 13, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[2]', message: 'kube-apiserver (static Pod) authorization lacks Node: --authorization-mode=RBAC' },
        { line: 24, column: 5, object: 'Pod kube-system/defaulted', path: 'spec.containers[0].command' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4 overrides',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            authorization-mode: Node
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: authorization-mode
            value: Webhook
      `,
      errors: [
        { line: 5, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs.authorization-mode', message: 'kube-apiserver (kubeadm ClusterConfiguration) authorization lacks RBAC: --authorization-mode=Node' },
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs[0].value' },
      ],
    },
  ],
});
