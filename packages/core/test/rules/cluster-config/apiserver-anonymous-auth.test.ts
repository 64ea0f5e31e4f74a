import { apiserverAnonymousAuth } from '../../../src/rules/cluster-config/apiserver-anonymous-auth';
import { testRule, yaml } from '../../rule-tester';
import { HARDENED_CASES } from './fixtures';

testRule(apiserverAnonymousAuth, {
  valid: [
    ...HARDENED_CASES,
    {
      name: '--authentication-config configures anonymous access instead',
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
            - --authentication-config=/etc/kubernetes/authn.yaml
      `,
    },
    {
      name: 'a shell wrapper is not read',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: wrapped
          namespace: kube-system
        spec:
          containers:
          - name: apiserver
            image: registry.k8s.io/kube-apiserver:v1.30.2
            command: [sh, -c, "exec kube-apiserver --anonymous-auth=true"]
      `,
    },
  ],
  invalid: [
    {
      name: 'static Pod: written true, and absent (default true)',
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
            - --anonymous-auth=true
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
            - --secure-port=6443
      `,
      errors: [
        { line: 12, column: 7, object: 'Pod kube-system/kube-apiserver', path: 'spec.containers[0].command[1]', message: 'kube-apiserver (static Pod) accepts anonymous requests: --anonymous-auth=true' },
        { line: 23, column: 5, object: 'Pod kube-system/defaulted', path: 'spec.containers[0].command' },
      ],
    },
    {
      name: 'static Pod: args only, binary named by args[0] or by the image',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: by-args
          namespace: kube-system
        spec:
          containers:
          - name: api
            image: example.com/apiserver:1
            args: [/usr/local/bin/kube-apiserver, --anonymous-auth=true]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: by-image
          labels: { tier: control-plane }
        spec:
          containers:
          - name: api
            image: registry.k8s.io/kube-apiserver:v1.30.2
            args:
            - --secure-port=6443
      `,
      errors: [
        { line: 10, column: 43, object: 'Pod kube-system/by-args', path: 'spec.containers[0].args[1]', message: 'kube-apiserver (static Pod) accepts anonymous requests: --anonymous-auth=true' },
        { line: 21, column: 5, object: 'Pod by-image', path: 'spec.containers[0].args' },
      ],
    },
    {
      name: 'kubeadm v1beta3: written, and absent (no apiServer key)',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            anonymous-auth: "true"
        ---
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        clusterName: bare
      `,
      errors: [
        { line: 5, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs.anonymous-auth', message: 'kube-apiserver (kubeadm ClusterConfiguration) accepts anonymous requests: --anonymous-auth=true' },
        { line: 7, column: 1, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs' },
      ],
    },
    {
      name: 'kubeadm v1beta4: written, and absent from the list',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: anonymous-auth
            value: "true"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
          - name: secure-port
            value: "6443"
      `,
      errors: [
        { line: 6, column: 5, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs[0].value', message: 'kube-apiserver (kubeadm ClusterConfiguration) accepts anonymous requests: --anonymous-auth=true' },
        { line: 11, column: 3, object: 'ClusterConfiguration ', path: 'apiServer.extraArgs' },
      ],
    },
  ],
});
