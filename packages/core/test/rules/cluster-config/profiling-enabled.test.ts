import { profilingEnabled } from '../../../src/rules/cluster-config/profiling-enabled';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(profilingEnabled, {
  valid: [
    ...HARDENED_CASES,
  ],
  invalid: [
    {
      name: 'static Pods: written, separate value item, default',
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
            - --profiling=true
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
            - --profiling
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
            - --bind-address=127.0.0.1
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[1]', message: 'kube-apiserver (static Pod) serves profiling data: --profiling=true' },
        { line: 25, column: 7, object: 'Pod kube-system/kube-controller-manager', path: 'spec.containers[0].command[1]' },
        { line: 36, column: 5, object: 'Pod kube-system/kube-scheduler', path: 'spec.containers[0].command' },
      ],
    },
    {
      name: 'kubeadm v1beta3: one section on, the others absent',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            profiling: "false"
        controllerManager:
          extraArgs:
            profiling: "true"
      `,
      errors: [
        { line: 1, column: 1, object: 'ClusterConfiguration ', path: 'scheduler.extraArgs', message: 'kube-scheduler (kubeadm ClusterConfiguration) serves profiling data: --profiling is not set (default true)' },
        { line: 8, column: 5, object: 'ClusterConfiguration ', path: 'controllerManager.extraArgs.profiling' },
      ],
    },
    {
      name: 'kubeadm v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: profiling
            value: "false"
        controllerManager:
          extraArgs:
          - name: profiling
            value: "false"
        scheduler:
          extraArgs:
          - name: profiling
            value: "true"
      `,
      errors: [
        { line: 14, column: 5, object: 'ClusterConfiguration ', path: 'scheduler.extraArgs[0].value', message: 'kube-scheduler (kubeadm ClusterConfiguration) serves profiling data: --profiling=true' },
      ],
    },
  ],
});
