import { resourcesOf } from '../../../src/engine/documents';
import { parseFile } from '../../../src/parse/parse-file';
import { commandItems, parseFlags } from '../../../src/model/control-plane/command-flags';
import { componentSettingsOf } from '../../../src/model/control-plane';
import { formatPath } from '../../../src/path';
import { yaml } from '../../rule-tester';

function settingsOf(text: string) {
  const resources = parseFile(text).documents.flatMap((document) => resourcesOf(document, 'cluster.yaml').resources);
  return componentSettingsOf(resources);
}

/** Each setting as `name=value @path`, in the order written. */
function written(text: string): string[][] {
  return settingsOf(text).map((settings) => [
    `${settings.component} ${settings.source} anchor ${formatPath(settings.anchor)}`,
    ...settings.occurrences.map((occurrence) => `${occurrence.name}=${occurrence.value} @${formatPath(occurrence.path)}`),
  ]);
}

describe('command-line flags', () => {
  const flags = (items: unknown[]) => parseFlags(commandItems(items, ['command'])).map((flag) => `${flag.name}=${flag.value} @${formatPath(flag.path)}`);

  test('--name=value, --name value, and numbers written unquoted', () => {
    expect(flags(['--secure-port=6443', '--authorization-mode', 'Node,RBAC', '--audit-log-maxage', 30])).toEqual([
      'secure-port=6443 @command[0]',
      'authorization-mode=Node,RBAC @command[2]',
      'audit-log-maxage=30 @command[4]',
    ]);
  });

  test('a boolean flag never takes the next item, as in Go: `--profiling false` is true', () => {
    expect(flags(['--profiling', 'false', '--anonymous-auth=false', '--auto-tls'])).toEqual([
      'profiling=true @command[0]',
      'anonymous-auth=false @command[2]',
      'auto-tls=true @command[3]',
    ]);
  });

  test('etcd (Go flag package) also takes a single dash; Kubernetes components do not', () => {
    const etcd = (items: unknown[]) => parseFlags(commandItems(items, ['command']), true).map((flag) => `${flag.label} ${flag.name}=${flag.value}`);
    expect(etcd(['-client-cert-auth=true', '-cert-file', '/etc/etcd/server.crt', '--peer-auto-tls', '-'])).toEqual([
      '-client-cert-auth client-cert-auth=true',
      '-cert-file cert-file=/etc/etcd/server.crt',
      '--peer-auto-tls peer-auto-tls=true',
    ]);
    expect(flags(['-v=2', '-h'])).toEqual([]);
  });

  test('a value flag followed by another flag has an empty value; other items are not flags', () => {
    expect(flags(['kube-apiserver', '--token-auth-file', '--v=2', '-', '--', { odd: true }])).toEqual(['token-auth-file= @command[1]', 'v=2 @command[2]']);
  });
});

describe('componentSettingsOf', () => {
  test('static Pods: command, command with args, args naming the binary, the image in kube-system', () => {
    expect(
      written(yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: a, namespace: kube-system }
        spec:
          containers:
          - name: apiserver
            command: [/usr/local/bin/kube-apiserver, --profiling=false]
            args: [--anonymous-auth=false]
          - name: sidecar
            image: busybox
            command: [sh, -c, "kube-scheduler --profiling=true"]
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: b }
        spec:
          containers:
          - name: etcd
            image: example.com/etcd:1
            args: [etcd, --client-cert-auth=true]
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: c, namespace: kube-system }
        spec:
          containers:
          - name: scheduler
            image: registry.k8s.io/kube-scheduler:v1.30.2
            args: [--bind-address=127.0.0.1]
          - name: no-flags
            image: registry.k8s.io/kube-controller-manager:v1.30.2
      `),
    ).toEqual([
      ['kube-apiserver static-pod anchor spec.containers[0].command', 'profiling=false @spec.containers[0].command[1]', 'anonymous-auth=false @spec.containers[0].args[0]'],
      ['etcd static-pod anchor spec.containers[0].args', 'client-cert-auth=true @spec.containers[0].args[1]'],
      ['kube-scheduler static-pod anchor spec.containers[0].args', 'bind-address=127.0.0.1 @spec.containers[0].args[0]'],
      ['kube-controller-manager static-pod anchor spec.containers[1]'],
    ]);
  });

  test('an image alone does not make a control-plane Pod outside kube-system without its labels', () => {
    expect(
      written(yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: app-etcd, namespace: shop }
        spec:
          containers:
          - name: etcd
            image: bitnami/etcd:3.5
            args: [--listen-client-urls=http://0.0.0.0:2379]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: not-a-pod }
        spec:
          template:
            spec:
              containers:
              - name: api
                command: [kube-apiserver]
      `),
    ).toEqual([]);
  });

  test('kubeadm: map and list extraArgs, every component of a ClusterConfiguration, etcd only when local', () => {
    expect(
      written(yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            profiling: "false"
            audit-log-maxage: 30
        etcd:
          external:
            endpoints: [https://etcd:2379]
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        scheduler:
          extraArgs:
          - name: profiling
            value: "false"
          - name: profiling
            value: "true"
          - { name: flag-without-value }
          - { value: no-name }
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: JoinConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - { name: read-only-port, value: "0" }
      `),
    ).toEqual([
      ['kube-apiserver kubeadm anchor apiServer.extraArgs', 'profiling=false @apiServer.extraArgs.profiling', 'audit-log-maxage=30 @apiServer.extraArgs.audit-log-maxage'],
      ['kube-controller-manager kubeadm anchor controllerManager.extraArgs'],
      ['kube-scheduler kubeadm anchor scheduler.extraArgs'],
      ['kube-apiserver kubeadm anchor apiServer.extraArgs'],
      ['kube-controller-manager kubeadm anchor controllerManager.extraArgs'],
      [
        'kube-scheduler kubeadm anchor scheduler.extraArgs',
        'profiling=false @scheduler.extraArgs[0].value',
        'profiling=true @scheduler.extraArgs[1].value',
        'flag-without-value= @scheduler.extraArgs[2]',
      ],
      ['etcd kubeadm anchor etcd.local.extraArgs'],
      ['kubelet kubelet-extra-args anchor nodeRegistration.kubeletExtraArgs', 'read-only-port=0 @nodeRegistration.kubeletExtraArgs[0].value'],
    ]);
  });

  test('KubeletConfiguration fields under the flag names, lists joined as the flags take them', () => {
    expect(
      written(yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        authentication:
          anonymous: { enabled: true }
        authorization: { mode: AlwaysAllow }
        readOnlyPort: 10255
        allowedUnsafeSysctls: [kernel.msg*, net.core.somaxconn]
        ---
        apiVersion: kubelet.config.k8s.io/v1alpha1
        kind: KubeletConfiguration
        readOnlyPort: 10255
      `),
    ).toEqual([
      [
        'kubelet kubelet-config anchor ',
        'anonymous-auth=true @authentication.anonymous.enabled',
        'authorization-mode=AlwaysAllow @authorization.mode',
        'read-only-port=10255 @readOnlyPort',
        'allowed-unsafe-sysctls=kernel.msg*,net.core.somaxconn @allowedUnsafeSysctls',
      ],
    ]);
  });

  test("etcd's ETCD_* environment variables count when no flag gives the setting", () => {
    const [etcd] = settingsOf(yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: etcd, namespace: kube-system }
      spec:
        containers:
        - name: etcd
          command: [etcd, --auto-tls=false]
          env:
          - { name: ETCD_AUTO_TLS, value: "true" }
          - { name: ETCD_PEER_CLIENT_CERT_AUTH, value: "true" }
          - { name: OTHER, value: "x" }
    `);
    expect(etcd?.get('auto-tls')).toEqual({ name: 'auto-tls', value: 'false', path: ['spec', 'containers', 0, 'command', 1], label: '--auto-tls' });
    expect(etcd?.get('peer-client-cert-auth')).toEqual({ name: 'peer-client-cert-auth', value: 'true', path: ['spec', 'containers', 0, 'env', 1, 'value'], label: 'ETCD_PEER_CLIENT_CERT_AUTH' });
    expect(etcd?.overridden()).toEqual([]);
  });

  test('hostile shapes are read as far as they go and never throw', () => {
    expect(
      written(yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: odd, namespace: kube-system }
        spec:
          containers:
          - name: a
            command: kube-apiserver --profiling=true
          - name: b
            command: [[kube-apiserver], null]
          - null
          - name: c
            image: [registry.k8s.io/etcd]
          - name: d
            command: [kube-scheduler, 10251, { a: 1 }, --port, 10251]
            env: bad
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer: [extraArgs]
        scheduler:
          extraArgs: "--profiling=true"
        controllerManager:
          extraArgs: [null, 3, { name: [x] }, { name: profiling, value: { odd: true } }]
        etcd: null
        ---
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration: { kubeletExtraArgs: null }
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        authentication: [anonymous]
        authorization: { mode: [AlwaysAllow] }
        readOnlyPort: { port: 10255 }
        tlsCipherSuites: TLS_RSA_WITH_RC4_128_SHA
      `),
    ).toEqual([
      ['kube-scheduler static-pod anchor spec.containers[4].command', 'port=10251 @spec.containers[4].command[4]'],
      ['kube-apiserver kubeadm anchor apiServer.extraArgs'],
      ['kube-controller-manager kubeadm anchor controllerManager.extraArgs', 'profiling= @controllerManager.extraArgs[3]'],
      ['kube-scheduler kubeadm anchor scheduler.extraArgs'],
      ['etcd kubeadm anchor etcd.local.extraArgs'],
      ['kubelet kubelet-extra-args anchor nodeRegistration.kubeletExtraArgs'],
      ['kubelet kubelet-config anchor '],
    ]);
  });

  test('the last of repeated flags wins; defaults depend on the source', () => {
    const all = settingsOf(yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: kube-apiserver, namespace: kube-system }
      spec:
        containers:
        - name: kube-apiserver
          command: [kube-apiserver, --anonymous-auth=false, --anonymous-auth=true]
      ---
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: ClusterConfiguration
      ---
      apiVersion: kubelet.config.k8s.io/v1beta1
      kind: KubeletConfiguration
      ---
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: InitConfiguration
      nodeRegistration:
        kubeletExtraArgs: {}
    `);
    const [staticPod, kubeadm, kubeletConfig, extraArgs] = (['static-pod', 'kubeadm', 'kubelet-config', 'kubelet-extra-args'] as const).map((source) => all.find((settings) => settings.source === source));
    expect(all.map((settings) => settings.component)).toEqual(['kube-apiserver', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kubelet', 'kubelet']);
    expect(staticPod?.get('anonymous-auth')?.value).toBe('true');
    expect(staticPod?.overridden().map((occurrence) => formatPath(occurrence.path))).toEqual(['spec.containers[0].command[1]']);
    expect(staticPod?.effective('authorization-mode')).toEqual({ value: 'AlwaysAllow' });
    expect(kubeadm?.effective('authorization-mode')).toEqual({ value: 'Node,RBAC' });
    expect(kubeadm?.describe('authorization-mode')).toBe('--authorization-mode is not set (kubeadm sets Node,RBAC)');
    expect(kubeletConfig?.effective('read-only-port')).toEqual({ value: '0' });
    expect(kubeletConfig?.describe('read-only-port')).toBe('readOnlyPort is not set (default 0)');
    expect(extraArgs?.component).toBe('kubelet');
    expect(extraArgs?.effective('read-only-port')).toBeUndefined();
  });
});
