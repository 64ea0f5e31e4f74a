import { bindAddressAllInterfaces } from '../../../src/rules/cluster-config/bind-address-all-interfaces';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(bindAddressAllInterfaces, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'a specific address',
      code: yaml`
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
            - --bind-address=10.0.0.5
      `,
    },
    {
      name: 'kubeadm binds to 127.0.0.1 when extraArgs does not say',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        scheduler:
          extraArgs:
          - name: profiling
            value: "false"
      `,
    },
  ],
  invalid: [
    {
      name: 'static Pods: written and default',
      code: yaml`
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
            - --bind-address=0.0.0.0
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
            - --profiling=false
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/kube-controller-manager', path: 'spec.containers[0].command[1]', message: 'kube-controller-manager (static Pod) listens on all interfaces: --bind-address=0.0.0.0' },
        { line: 23, column: 5, object: 'Pod kube-system/kube-scheduler', path: 'spec.containers[0].command' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4 overrides',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        controllerManager:
          extraArgs:
            bind-address: "::"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        scheduler:
          extraArgs:
          - name: bind-address
            value: "0.0.0.0"
      `,
      errors: [
        { line: 5, column: 5, object: 'ClusterConfiguration ', path: 'controllerManager.extraArgs.bind-address', message: 'kube-controller-manager (kubeadm ClusterConfiguration) listens on all interfaces: --bind-address=::' },
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'scheduler.extraArgs[0].value' },
      ],
    },
  ],
});
