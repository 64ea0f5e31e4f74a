import { insecurePort } from '../../../src/rules/cluster-config/insecure-port';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(insecurePort, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'port 0 is off',
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
            - --insecure-port=0
      `,
    },
  ],
  invalid: [
    {
      name: 'static Pods: API server, controller manager, scheduler',
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
            - --insecure-port=8080
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-controller-manager
          namespace: kube-system
        spec:
          containers:
          - name: kube-controller-manager
            image: registry.k8s.io/kube-controller-manager:v1.30.2
            command:
            - kube-controller-manager
            - --port
            - 10252
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-scheduler
          namespace: kube-system
        spec:
          containers:
          - name: kube-scheduler
            image: registry.k8s.io/kube-scheduler:v1.30.2
            command:
            - kube-scheduler
            - --port=10251
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[1]', message: 'kube-apiserver (static Pod) serves an unauthenticated port: --insecure-port=8080' },
        { line: 26, column: 7, object: 'Pod kube-system/kube-controller-manager', path: 'spec.containers[0].command[2]' },
        { line: 39, column: 7, object: 'Pod kube-system/kube-scheduler', path: 'spec.containers[0].command[1]' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            insecure-port: "8080"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        scheduler:
          extraArgs:
          - name: port
            value: "10251"
      `,
      errors: [
        { line: 5, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs.insecure-port', message: 'kube-apiserver (kubeadm ClusterConfiguration) serves an unauthenticated port: --insecure-port=8080' },
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'scheduler.extraArgs[0].value' },
      ],
    },
  ],
});
