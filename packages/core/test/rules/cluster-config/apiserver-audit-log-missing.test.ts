import { apiserverAuditLogMissing } from '../../../src/rules/cluster-config/apiserver-audit-log-missing';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(apiserverAuditLogMissing, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'an audit webhook instead of a file',
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
            - --audit-webhook-config-file=/etc/kubernetes/audit-webhook.yaml
      `,
    },
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
            - --audit-policy-file=/etc/kubernetes/audit-policy.yaml
      `,
      errors: [
        { line: 10, column: 5, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command', message: 'kube-apiserver (static Pod) writes no audit log: --audit-log-path is not set' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            profiling: "false"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: audit-log-path
            value: ""
      `,
      errors: [
        { line: 4, column: 3, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs', message: 'kube-apiserver (kubeadm ClusterConfiguration) writes no audit log: --audit-log-path is not set' },
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs[0].value' },
      ],
    },
  ],
});
