import { apiserverAdmissionAlwaysAdmit } from '../../../src/rules/cluster-config/apiserver-admission-always-admit';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(apiserverAdmissionAlwaysAdmit, {
  valid: [
    ...HARDENED_CASES,
    {
      name: 'AlwaysAdmit disabled is fine',
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
            - --enable-admission-plugins=NodeRestriction
            - --disable-admission-plugins=AlwaysAdmit
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
            - --enable-admission-plugins=NodeRestriction,AlwaysAdmit
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[1]', message: 'kube-apiserver (static Pod) enables AlwaysAdmit: --enable-admission-plugins=NodeRestriction,AlwaysAdmit' },
      ],
    },
    {
      name: 'kubeadm v1beta3 and v1beta4',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            enable-admission-plugins: "AlwaysAdmit,NodeRestriction"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: enable-admission-plugins
            value: AlwaysAdmit
      `,
      errors: [
        { line: 5, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs.enable-admission-plugins', message: 'kube-apiserver (kubeadm ClusterConfiguration) enables AlwaysAdmit: --enable-admission-plugins=AlwaysAdmit,NodeRestriction' },
        { line: 12, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs[0].value' },
      ],
    },
  ],
});
