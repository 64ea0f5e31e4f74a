import { controlPlaneDuplicateFlag } from '../../../src/rules/cluster-config/control-plane-duplicate-flag';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(controlPlaneDuplicateFlag, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'a map cannot repeat a key; different flags are fine',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            profiling: "false"
            anonymous-auth: "false"
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: 0
      `,
    },
  ],
  invalid: [
    {
      name: 'static Pod: repeated across command and args, three times',
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
            - --authorization-mode
            - Node,RBAC
            args:
            - --authorization-mode=AlwaysAllow
            - --anonymous-auth=false
            - --anonymous-auth=true
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[1]', message: '--anonymous-auth is given again later to kube-apiserver (static Pod); the last value, "true", wins' },
        { line: 14, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[3]' },
        { line: 17, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].args[1]' },
      ],
    },
    {
      name: 'kubeadm v1beta4 lists',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: profiling
            value: "false"
          - name: anonymous-auth
            value: "false"
          - name: profiling
            value: "true"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - name: read-only-port
            value: "0"
          - name: read-only-port
            value: "10255"
      `,
      errors: [
        { line: 6, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs[0].value', message: '--profiling is given again later to kube-apiserver (kubeadm ClusterConfiguration); the last value, "true", wins' },
        { line: 17, column: 5, object: 'JoinConfiguration ', path: 'nodeRegistration.kubeletExtraArgs[0].value' },
      ],
    },
  ],
});
