import path from 'node:path';
import { EMPTY_CONFIG, lint } from '../../../src';

const REPO_ROOT = path.join(__dirname, '..', '..', '..', '..', '..');

/** The rules that read component settings (other cluster-config rules read other objects). */
const SETTING_RULES = [
  'apiserver-admission-always-admit',
  'apiserver-node-restriction-off',
  'apiserver-anonymous-auth',
  'apiserver-audit-log-missing',
  'apiserver-audit-log-retention',
  'apiserver-authorization-always-allow',
  'apiserver-node-rbac-missing',
  'apiserver-encryption-config-missing',
  'apiserver-kubelet-tls-unverified',
  'apiserver-token-auth-file',
  'bind-address-all-interfaces',
  'control-plane-duplicate-flag',
  'etcd-auto-tls',
  'etcd-client-cert-auth-off',
  'insecure-port',
  'kubelet-anonymous-auth',
  'kubelet-authorization-always-allow',
  'kubelet-iptables-util-chains-off',
  'kubelet-protect-kernel-defaults-off',
  'kubelet-read-only-port',
  'kubelet-rotate-certificates-off',
  'kubelet-unsafe-sysctls',
  'profiling-enabled',
  'tls-cert-missing',
  'tls-min-version-below-1-2',
  'tls-weak-cipher-suites',
];

/** The rules that read the files the API server's flags name: EncryptionConfiguration and audit Policy. */
const CONFIG_FILE_RULES = [
  'encryption-secrets-not-encrypted',
  'encryption-weak-provider',
  'encryption-key-invalid',
  'audit-policy-no-logging',
  'audit-secrets-request-body',
  'audit-catch-all-none-first',
];

/** Reported by unit tests only: the insecure audit policy shows rules that are unreached, not absent. */
const NOT_IN_EXAMPLES = ['audit-policy-no-logging'];

/** The cluster-config findings of an example folder, as `file:line:column rule-id`, with every rule at its default. */
async function clusterConfigFindings(folder: string): Promise<string[]> {
  const result = await lint({ paths: [`examples/cluster-config/${folder}`], cwd: REPO_ROOT, config: EMPTY_CONFIG });
  return result.findings.filter((finding) => SETTING_RULES.includes(finding.ruleId) || CONFIG_FILE_RULES.includes(finding.ruleId)).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`).sort();
}

describe('examples/cluster-config', () => {
  test('the insecure cluster makes every cluster-config rule fire, at the settings and fields', async () => {
    const findings = await clusterConfigFindings('insecure');
    const insecure = 'examples/cluster-config/insecure';
    expect(findings).toEqual(
      [
        `${insecure}/audit-policy.yaml:7:3 audit-secrets-request-body`,
        `${insecure}/audit-policy.yaml:10:3 audit-catch-all-none-first`,
        `${insecure}/encryption-config.yaml:9:5 encryption-secrets-not-encrypted`,
        `${insecure}/encryption-config.yaml:13:9 encryption-key-invalid`,
        `${insecure}/encryption-config.yaml:16:5 encryption-weak-provider`,
        `${insecure}/kubeadm-config.yaml:7:3 apiserver-anonymous-auth`,
        `${insecure}/kubeadm-config.yaml:7:3 apiserver-audit-log-missing`,
        `${insecure}/kubeadm-config.yaml:7:3 apiserver-encryption-config-missing`,
        `${insecure}/kubeadm-config.yaml:7:3 apiserver-kubelet-tls-unverified`,
        `${insecure}/kubeadm-config.yaml:7:3 profiling-enabled`,
        `${insecure}/kubeadm-config.yaml:8:5 apiserver-node-rbac-missing`,
        `${insecure}/kubeadm-config.yaml:9:5 apiserver-node-restriction-off`,
        `${insecure}/kubeadm-config.yaml:11:3 profiling-enabled`,
        `${insecure}/kubeadm-config.yaml:12:5 bind-address-all-interfaces`,
        `${insecure}/kubeadm-config.yaml:15:5 profiling-enabled`,
        `${insecure}/kubeadm-config.yaml:20:7 etcd-client-cert-auth-off`,
        `${insecure}/kubeadm-config.yaml:26:5 kubelet-read-only-port`,
        `${insecure}/kubeadm-config.yaml:27:5 kubelet-rotate-certificates-off`,
        `${insecure}/kubelet-config.yaml:1:1 kubelet-protect-kernel-defaults-off`,
        `${insecure}/kubelet-config.yaml:5:5 kubelet-anonymous-auth`,
        `${insecure}/kubelet-config.yaml:7:3 kubelet-authorization-always-allow`,
        `${insecure}/kubelet-config.yaml:8:1 kubelet-read-only-port`,
        `${insecure}/kubelet-config.yaml:9:1 kubelet-iptables-util-chains-off`,
        `${insecure}/kubelet-config.yaml:10:1 kubelet-unsafe-sysctls`,
        `${insecure}/kubelet-config.yaml:12:1 tls-min-version-below-1-2`,
        `${insecure}/static-pods/etcd.yaml:15:5 etcd-client-cert-auth-off`,
        `${insecure}/static-pods/etcd.yaml:15:5 etcd-client-cert-auth-off`,
        `${insecure}/static-pods/etcd.yaml:15:5 tls-cert-missing`,
        `${insecure}/static-pods/etcd.yaml:15:5 tls-cert-missing`,
        `${insecure}/static-pods/etcd.yaml:20:7 etcd-auto-tls`,
        `${insecure}/static-pods/etcd.yaml:21:7 etcd-auto-tls`,
        `${insecure}/static-pods/kube-apiserver.yaml:15:5 apiserver-audit-log-retention`,
        `${insecure}/static-pods/kube-apiserver.yaml:15:5 apiserver-audit-log-retention`,
        `${insecure}/static-pods/kube-apiserver.yaml:15:5 apiserver-encryption-config-missing`,
        `${insecure}/static-pods/kube-apiserver.yaml:15:5 apiserver-kubelet-tls-unverified`,
        `${insecure}/static-pods/kube-apiserver.yaml:15:5 profiling-enabled`,
        `${insecure}/static-pods/kube-apiserver.yaml:18:7 control-plane-duplicate-flag`,
        `${insecure}/static-pods/kube-apiserver.yaml:19:7 apiserver-authorization-always-allow`,
        `${insecure}/static-pods/kube-apiserver.yaml:19:7 apiserver-node-rbac-missing`,
        `${insecure}/static-pods/kube-apiserver.yaml:20:7 apiserver-token-auth-file`,
        `${insecure}/static-pods/kube-apiserver.yaml:21:7 apiserver-admission-always-admit`,
        `${insecure}/static-pods/kube-apiserver.yaml:21:7 apiserver-node-restriction-off`,
        `${insecure}/static-pods/kube-apiserver.yaml:25:7 tls-min-version-below-1-2`,
        `${insecure}/static-pods/kube-apiserver.yaml:26:7 tls-weak-cipher-suites`,
        `${insecure}/static-pods/kube-apiserver.yaml:28:7 apiserver-audit-log-retention`,
        `${insecure}/static-pods/kube-apiserver.yaml:30:7 apiserver-anonymous-auth`,
        `${insecure}/static-pods/kube-controller-manager.yaml:15:5 profiling-enabled`,
        `${insecure}/static-pods/kube-controller-manager.yaml:19:7 bind-address-all-interfaces`,
        `${insecure}/static-pods/kube-scheduler.yaml:15:5 bind-address-all-interfaces`,
        `${insecure}/static-pods/kube-scheduler.yaml:18:7 profiling-enabled`,
        `${insecure}/static-pods/kube-scheduler.yaml:19:7 insecure-port`,
      ].sort(),
    );
    const fired = new Set(findings.map((finding) => finding.split(' ')[1]));
    expect([...SETTING_RULES, ...CONFIG_FILE_RULES].filter((id) => !fired.has(id))).toEqual(NOT_IN_EXAMPLES);
  });

  test('no finding of any rule quotes the encryption keys of the insecure example', async () => {
    const result = await lint({ paths: ['examples/cluster-config/insecure'], cwd: REPO_ROOT, config: EMPTY_CONFIG });
    const text = JSON.stringify(result);
    const keys = ['WnE3VHlwZWRLZXk=', '3cNx0xLkRk2QsLOjY0aZ1cq8vJ5cS4AmGDUoX0Q5wHk=', 'Zq7TypedKey'];
    expect(result.findings.some((finding) => finding.ruleId === 'encryption-key-invalid')).toBe(true);
    expect(keys.filter((key) => text.includes(key) || text.includes(key.slice(0, 8)))).toEqual([]);
  });

  test('the hardened cluster gives no cluster-config finding, notes included', async () => {
    expect(await clusterConfigFindings('hardened')).toEqual([]);
  });
});
