import { apiserverAuditLogRetention } from '../../../src/rules/cluster-config/apiserver-audit-log-retention';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(apiserverAuditLogRetention, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'no audit log file: apiserver-audit-log-missing reports it',
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
      `,
    },
    {
      name: 'audit log to standard output',
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
            - --audit-log-path=-
      `,
    },
  ],
  invalid: [
    {
      name: 'static Pod: low values and absent ones',
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
            - --audit-log-path=/var/log/audit.log
            - --audit-log-maxage=7
            - --audit-log-maxsize
            - 200
      `,
      errors: [
        { line: 10, column: 5, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command', message: 'kube-apiserver (static Pod) keeps its audit log too briefly: --audit-log-maxbackup is not set (default 0), suggested at least 10' },
        { line: 13, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[2]' },
      ],
    },
    {
      name: 'kubeadm v1beta3',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            audit-log-path: /var/log/audit.log
            audit-log-maxage: "30"
            audit-log-maxbackup: "3"
            audit-log-maxsize: "100"
      `,
      errors: [
        { line: 7, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs.audit-log-maxbackup', message: 'kube-apiserver (kubeadm ClusterConfiguration) keeps its audit log too briefly: --audit-log-maxbackup=3, suggested at least 10' },
      ],
    },
    {
      name: 'kubeadm v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: audit-log-path
            value: /var/log/audit.log
          - name: audit-log-maxage
            value: "30"
          - name: audit-log-maxbackup
            value: "10"
          - name: audit-log-maxsize
            value: "50"
      `,
      errors: [
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs[3].value', message: 'kube-apiserver (kubeadm ClusterConfiguration) keeps its audit log too briefly: --audit-log-maxsize=50, suggested at least 100' },
      ],
    },
  ],
});
