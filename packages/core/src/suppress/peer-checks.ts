/**
 * Every check of kube-linter, Polaris and kube-score, and what k8s-lint does instead. One table
 * serves three readers: `honorPeerAnnotations` (a peer's exemption suppresses the mapped rules),
 * docs/migrating.md (test/docs/migrating.test.ts keeps it in sync) and bench/peer-agreement.js
 * (agreement on the peers' own fixtures).
 */

export const PEERS = ['kube-linter', 'polaris', 'kube-score'] as const;
export type Peer = (typeof PEERS)[number];

/** The peers whose exemption annotations `honorPeerAnnotations` may name (kube-score has none we read). */
export const ANNOTATION_PEERS = ['kube-linter', 'polaris'] as const;
export type AnnotationPeer = (typeof ANNOTATION_PEERS)[number];

/**
 * - `rules`: k8s-lint reports the same problem with these rules; `field`, when given, narrows it to
 *   findings on that field (a rule several checks share, such as host-namespaces). `deliberate`, when given, is the
 *   one direction in which we differ on purpose (`extra`: we also report cases the peer accepts;
 *   `missing`: we accept cases the peer reports), with the reason.
 * - `gap`: a security check k8s-lint lacks (counted against agreement).
 * - `outOfScope`: not a security check (availability, hygiene, house style).
 * - `byDesign`: a security check k8s-lint answers differently on purpose.
 */
export type PeerCheckMapping =
  | { rules: readonly string[]; field?: string; deliberate?: { direction: 'extra' | 'missing'; reason: string }; note?: string }
  | { gap: string }
  | { outOfScope: string }
  | { byDesign: string };

const EGRESS_TOO = 'pods must be isolated for egress too: one selected only by an ingress policy can still connect anywhere';
const BY_NAME = 'no exemption by name (system: prefixes, built-in role names): anyone can give a role such a name, so what it grants is reported';
const AVAILABILITY = 'availability and scheduling, not security';
const DANGLING = 'a reference to a missing object breaks the application, not its security';
const HYGIENE = 'manifest hygiene or house style, not security';
const DROP_ALL = 'k8s-lint asks to drop ALL capabilities and add back what is needed, rather than to drop a list';
const ANY_HOST_PATH = 'every hostPath volume is reported (error), not only the container runtime socket';
const PULL_ALWAYS =
  'images pinned by digest or tag need no pull policy; an untagged or :latest image already defaults to Always, so only a mutable tag with another policy is reported';

export const PEER_CHECKS: Readonly<Record<Peer, Readonly<Record<string, PeerCheckMapping>>>> = {
  'kube-linter': {
    'access-to-create-pods': { rules: ['rbac-create-pods'], note: 'reported on the role, not on its bindings' },
    'access-to-secrets': { rules: ['rbac-secrets-access'], note: 'reported on the role, not on its bindings' },
    cel: { outOfScope: 'a template that runs a user-written CEL expression, not a check' },
    'cluster-admin-role-binding': { rules: ['rbac-cluster-admin-binding'] },
    'dangling-horizontalpodautoscaler': { outOfScope: DANGLING },
    'dangling-ingress': { outOfScope: DANGLING },
    'dangling-networkpolicy': { rules: ['network-policy-selects-nothing'], note: 'off by default: turn it on in .k8s-lint.yaml' },
    'dangling-networkpolicypeer-podselector': { outOfScope: DANGLING },
    'dangling-service': { rules: ['service-selector-matches-nothing'], note: 'off by default: turn it on in .k8s-lint.yaml' },
    'dangling-servicemonitor': { outOfScope: DANGLING },
    'default-service-account': { rules: ['default-service-account'] },
    'deprecated-service-account-field': { outOfScope: HYGIENE },
    'dnsconfig-options': { outOfScope: HYGIENE },
    'docker-sock': { rules: ['host-path-volume'], deliberate: { direction: 'extra', reason: ANY_HOST_PATH } },
    'drop-net-raw-capability': { rules: ['capabilities-not-dropped'], deliberate: { direction: 'extra', reason: DROP_ALL } },
    'duplicate-env-var': { outOfScope: HYGIENE },
    'env-value-from': { outOfScope: DANGLING },
    'env-var-secret': { rules: ['secret-in-env-literal'] },
    'exposed-services': { rules: ['nodeport-service', 'loadbalancer-source-ranges'] },
    'forbidden-annotation': { outOfScope: 'a template the user configures with the annotations to forbid, not a check' },
    'host-ipc': { rules: ['host-namespaces'], field: 'hostIPC' },
    'host-network': { rules: ['host-namespaces'], field: 'hostNetwork' },
    'host-pid': { rules: ['host-namespaces'], field: 'hostPID' },
    'hpa-minimum-three-replicas': { outOfScope: AVAILABILITY },
    'invalid-target-ports': { outOfScope: HYGIENE },
    'job-ttl-seconds-after-finished': { outOfScope: HYGIENE },
    kubeconform: { rules: ['schema-invalid'], note: 'a kube-linter template (configured check)' },
    'latest-tag': { rules: ['image-latest-tag'] },
    'liveness-port': { outOfScope: HYGIENE },
    'minimum-three-replicas': { outOfScope: AVAILABILITY },
    'mismatching-selector': { outOfScope: HYGIENE },
    'no-anti-affinity': { outOfScope: AVAILABILITY },
    'no-extensions-v1beta': { outOfScope: 'a removed API version; the API server rejects it' },
    'no-liveness-probe': { rules: ['missing-probes'], field: 'livenessProbe' },
    'no-node-affinity': { outOfScope: AVAILABILITY },
    'no-read-only-root-fs': { rules: ['writable-root-filesystem'] },
    'no-readiness-probe': { rules: ['missing-probes'], field: 'readinessProbe' },
    'no-rolling-update-strategy': { outOfScope: AVAILABILITY },
    'non-existent-service-account': { outOfScope: DANGLING },
    'non-isolated-pod': { rules: ['missing-network-policy'], deliberate: { direction: 'extra', reason: EGRESS_TOO } },
    'pdb-max-unavailable': { outOfScope: AVAILABILITY },
    'pdb-min-available': { outOfScope: AVAILABILITY },
    'pdb-unhealthy-pod-eviction-policy': { outOfScope: AVAILABILITY },
    'priority-class-name': { outOfScope: AVAILABILITY },
    'privilege-escalation-container': { rules: ['privilege-escalation-allowed'] },
    'privileged-container': { rules: ['privileged-container'] },
    'privileged-ports': {
      byDesign: 'a container port below 1024 is not a privilege; binding it needs NET_BIND_SERVICE, which the capability rules report',
    },
    'read-secret-from-env-var': { rules: ['secret-as-env-var'] },
    'readiness-port': { outOfScope: HYGIENE },
    'required-annotation-email': { outOfScope: 'an organisation policy, not a check (off by default in kube-linter too)' },
    'required-label-owner': { outOfScope: 'an organisation policy, not a check (off by default in kube-linter too)' },
    'restart-policy': { outOfScope: AVAILABILITY },
    'run-as-non-root': { rules: ['run-as-root', 'run-as-root-group'] },
    'scc-deny-privileged-container': { gap: 'OpenShift SecurityContextConstraints are not read' },
    'schema-validation': { rules: ['schema-invalid'] },
    'sensitive-host-mounts': { rules: ['host-path-volume'] },
    'sorted-keys': { outOfScope: HYGIENE },
    'ssh-port': { outOfScope: 'a port number says nothing about what listens on it' },
    'startup-port': { outOfScope: HYGIENE },
    'statefulset-volumeclaimtemplate-annotation': { outOfScope: 'a template the user configures with the annotation to require, not a check' },
    'unsafe-proc-mount': { rules: ['unmasked-proc-mount'] },
    'unsafe-sysctls': { rules: ['unsafe-sysctls'] },
    'unset-cpu-requirements': { rules: ['missing-resource-requests', 'missing-resource-limits'], field: 'cpu' },
    'unset-memory-requirements': { rules: ['missing-resource-requests', 'missing-resource-limits'], field: 'memory' },
    'use-namespace': { outOfScope: HYGIENE },
    'wildcard-in-rules': { rules: ['rbac-wildcard'] },
    'writable-host-mount': { rules: ['writable-host-path-mount'] },
  },
  polaris: {
    automountServiceAccountToken: { rules: ['automount-service-account-token'] },
    clusterrolePodExecAttach: { rules: ['rbac-pod-exec'], deliberate: { direction: 'extra', reason: BY_NAME } },
    clusterrolebindingClusterAdmin: { rules: ['rbac-cluster-admin-binding'], deliberate: { direction: 'extra', reason: BY_NAME } },
    clusterrolebindingPodExecAttach: { rules: ['rbac-pod-exec'], note: 'reported on the role, not on its bindings', deliberate: { direction: 'extra', reason: BY_NAME } },
    cpuLimitsMissing: { rules: ['missing-resource-limits'], field: 'cpu' },
    cpuRequestsMissing: { rules: ['missing-resource-requests'], field: 'cpu' },
    dangerousCapabilities: { rules: ['dangerous-capabilities'] },
    deploymentMissingReplicas: { outOfScope: AVAILABILITY },
    hostIPCSet: { rules: ['host-namespaces'], field: 'hostIPC' },
    hostNetworkSet: { rules: ['host-namespaces'], field: 'hostNetwork' },
    hostPIDSet: { rules: ['host-namespaces'], field: 'hostPID' },
    hostPathSet: { rules: ['host-path-volume'] },
    hostPortSet: { rules: ['host-port'] },
    hostProcess: { rules: ['windows-host-process'] },
    hpaMaxAvailability: { outOfScope: AVAILABILITY },
    hpaMinAvailability: { outOfScope: AVAILABILITY },
    insecureCapabilities: { rules: ['capabilities-not-dropped'], deliberate: { direction: 'extra', reason: DROP_ALL } },
    linuxHardening: {
      rules: ['seccomp-profile-missing'],
      deliberate: { direction: 'extra', reason: 'a seccomp profile is asked for even when AppArmor, SELinux or dropped capabilities harden the container' },
    },
    livenessProbeMissing: { rules: ['missing-probes'], field: 'livenessProbe' },
    memoryLimitsMissing: { rules: ['missing-resource-limits'], field: 'memory' },
    memoryRequestsMissing: { rules: ['missing-resource-requests'], field: 'memory' },
    metadataAndInstanceMismatched: { outOfScope: HYGIENE },
    missingNetworkPolicy: {
      rules: ['missing-network-policy'],
      deliberate: { direction: 'missing', reason: 'a policy that lists a direction in policyTypes without rules denies all of it: the pod is isolated, the strictest setting' },
    },
    missingPodDisruptionBudget: { outOfScope: AVAILABILITY },
    nakedPod: { outOfScope: AVAILABILITY },
    notReadOnlyRootFilesystem: { rules: ['writable-root-filesystem'] },
    oneController: { outOfScope: HYGIENE },
    pdbDisruptionsIsZero: { outOfScope: AVAILABILITY },
    pdbMinAvailableGreaterThanHPAMinReplicas: { outOfScope: AVAILABILITY },
    priorityClassNotSet: { outOfScope: AVAILABILITY },
    privilegeEscalationAllowed: { rules: ['privilege-escalation-allowed'] },
    procMount: { rules: ['unmasked-proc-mount'] },
    pullPolicyNotAlways: { rules: ['image-pull-policy-mutable-tag'], deliberate: { direction: 'missing', reason: PULL_ALWAYS } },
    readinessProbeMissing: { rules: ['missing-probes'], field: 'readinessProbe' },
    resourceRange: { outOfScope: AVAILABILITY },
    rolePodExecAttach: { rules: ['rbac-pod-exec'], deliberate: { direction: 'extra', reason: BY_NAME } },
    rolebindingClusterAdminClusterRole: { rules: ['rbac-cluster-admin-binding'] },
    rolebindingClusterAdminRole: { rules: ['rbac-cluster-admin-binding'] },
    rolebindingClusterRolePodExecAttach: { rules: ['rbac-pod-exec'], note: 'reported on the role, not on its bindings', deliberate: { direction: 'extra', reason: BY_NAME } },
    rolebindingRolePodExecAttach: { rules: ['rbac-pod-exec'], note: 'reported on the role, not on its bindings', deliberate: { direction: 'extra', reason: BY_NAME } },
    runAsPrivileged: { rules: ['privileged-container'] },
    runAsRootAllowed: { rules: ['run-as-root'] },
    sensitiveConfigmapContent: { rules: ['secret-in-configmap'] },
    sensitiveContainerEnvVar: { rules: ['secret-in-env-literal'] },
    tagNotSpecified: { rules: ['image-latest-tag'] },
    tlsSettingsMissing: { rules: ['ingress-without-tls'] },
    topologySpreadConstraint: { outOfScope: AVAILABILITY },
  },
  'kube-score': {
    'container-cpu-requests-equal-limits': { outOfScope: AVAILABILITY },
    'container-ephemeral-storage-request-and-limit': { outOfScope: AVAILABILITY },
    'container-ephemeral-storage-request-equals-limit': { outOfScope: AVAILABILITY },
    'container-image-pull-policy': { rules: ['image-pull-policy-mutable-tag'], deliberate: { direction: 'missing', reason: PULL_ALWAYS } },
    'container-image-tag': { rules: ['image-latest-tag'] },
    'container-memory-requests-equal-limits': { outOfScope: AVAILABILITY },
    'container-ports-check': { outOfScope: HYGIENE },
    'container-resource-requests-equal-limits': { outOfScope: AVAILABILITY },
    'container-resources': {
      rules: ['missing-resource-limits', 'missing-resource-requests'],
      deliberate: { direction: 'missing', reason: 'limits without requests are accepted: Kubernetes sets the requests to the limits' },
    },
    'container-seccomp-profile': {
      rules: ['seccomp-profile-missing'],
      deliberate: { direction: 'extra', reason: 'the seccomp annotations are ignored since Kubernetes 1.27: only securityContext.seccompProfile counts' },
    },
    'container-security-context-privileged': { rules: ['privileged-container'] },
    'container-security-context-readonlyrootfilesystem': { rules: ['writable-root-filesystem'] },
    'container-security-context-user-group-id': {
      rules: ['run-as-root', 'run-as-root-group'],
      deliberate: { direction: 'missing', reason: 'any non-root user and group is accepted; kube-score also asks for user and group IDs above 10000' },
    },
    'cronjob-has-deadline': { outOfScope: AVAILABILITY },
    'cronjob-restartpolicy': { outOfScope: AVAILABILITY },
    'deployment-has-host-podantiaffinity': { outOfScope: AVAILABILITY },
    'deployment-has-poddisruptionbudget': { outOfScope: AVAILABILITY },
    'deployment-pod-selector-labels-match-template-metadata-labels': { outOfScope: HYGIENE },
    'deployment-replicas': { outOfScope: AVAILABILITY },
    'deployment-strategy': { outOfScope: AVAILABILITY },
    'deployment-targeted-by-hpa-does-not-have-replicas-configured': { outOfScope: AVAILABILITY },
    'environment-variable-key-duplication': { outOfScope: HYGIENE },
    'horizontalpodautoscaler-has-target': { outOfScope: DANGLING },
    'horizontalpodautoscaler-replicas': { outOfScope: AVAILABILITY },
    'ingress-targets-service': { outOfScope: DANGLING },
    'label-values': { outOfScope: HYGIENE },
    'networkpolicy-targets-pod': { rules: ['network-policy-selects-nothing'], note: 'off by default: turn it on in .k8s-lint.yaml' },
    'pod-networkpolicy': { rules: ['missing-network-policy'] },
    'pod-probes': { rules: ['missing-probes'], deliberate: { direction: 'extra', reason: 'every long-running pod is asked for probes, not only those a Service selects' } },
    'pod-probes-identical': { outOfScope: AVAILABILITY },
    'pod-topology-spread-constraints': { outOfScope: AVAILABILITY },
    'poddisruptionbudget-has-policy': { outOfScope: AVAILABILITY },
    'service-targets-pod': { rules: ['service-selector-matches-nothing'], note: 'off by default: turn it on in .k8s-lint.yaml' },
    'service-type': { rules: ['nodeport-service'] },
    'stable-version': { outOfScope: 'a deprecated API version; schema-invalid reports kinds the chosen Kubernetes version does not serve' },
    'statefulset-has-host-podantiaffinity': { outOfScope: AVAILABILITY },
    'statefulset-has-poddisruptionbudget': { outOfScope: AVAILABILITY },
    'statefulset-has-servicename': { outOfScope: DANGLING },
    'statefulset-pod-selector-labels-match-template-metadata-labels': { outOfScope: HYGIENE },
  },
};

function mappingOf(peer: Peer, check: string): PeerCheckMapping | undefined {
  return Object.prototype.hasOwnProperty.call(PEER_CHECKS[peer], check) ? PEER_CHECKS[peer][check] : undefined;
}

/** The k8s-lint rules a peer's check maps to (none when it is not covered or differs by design). */
export function rulesForPeerCheck(peer: Peer, check: string): readonly string[] {
  const mapping = mappingOf(peer, check);
  return mapping && 'rules' in mapping ? mapping.rules : [];
}

function fieldsOf(ruleId: string): string[] {
  const fields = new Set<string>();
  for (const peer of PEERS) {
    for (const mapping of Object.values(PEER_CHECKS[peer])) if ('rules' in mapping && mapping.rules.includes(ruleId) && mapping.field) fields.add(mapping.field);
  }
  return [...fields];
}

const onField = (path: string, field: string): boolean => path === field || path.endsWith(`.${field}`);

/** Whether a finding of `ruleId` at `path` reports what the peer's check reports (bench/peer-agreement.js). */
export function peerCheckReports(peer: Peer, check: string, ruleId: string, path: string): boolean {
  const mapping = mappingOf(peer, check);
  if (!mapping || !('rules' in mapping) || !mapping.rules.includes(ruleId)) return false;
  const field = mapping.field;
  return field === undefined || onField(path, field) || !fieldsOf(ruleId).some((other) => onField(path, other));
}

/**
 * Which of the peer `checks` (exempted, say) cover a finding of `ruleId` at `path`: none unless
 * all it is about is covered. A check narrowed to a field covers findings on that field; a finding
 * on none of the rule's fields (missing-probes on a container that has neither probe) is about all
 * of them, so it needs every one.
 */
export function peerChecksCovering(checks: ReadonlyArray<{ peer: Peer; check: string }>, ruleId: string, path: string): Array<{ peer: Peer; check: string }> {
  const relevant = checks.filter(({ peer, check }) => rulesForPeerCheck(peer, check).includes(ruleId));
  const fieldOf = (peer: Peer, check: string): string | undefined => {
    const mapping = mappingOf(peer, check);
    return mapping && 'rules' in mapping ? mapping.field : undefined;
  };
  const whole = relevant.filter(({ peer, check }) => fieldOf(peer, check) === undefined);
  if (whole.length > 0) return whole;
  const known = fieldsOf(ruleId);
  const hit = known.find((field) => onField(path, field));
  const wanted = hit === undefined ? known : [hit];
  const covering = relevant.filter(({ peer, check }) => wanted.includes(fieldOf(peer, check)!));
  const coveredFields = new Set(covering.map(({ peer, check }) => fieldOf(peer, check)));
  return wanted.length > 0 && wanted.every((field) => coveredFields.has(field)) ? covering : [];
}
