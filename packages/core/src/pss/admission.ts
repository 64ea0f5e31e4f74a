import type { PodTemplate } from '../model/pod';
import {
  forbiddenSeLinuxOptions, hostPathVolumes, hostPorts, privilegedContainers, probeAndLifecycleHosts, sharedHostNamespaces, sysctlsOutside, unmaskedProcMounts, windowsHostProcesses,
} from '../model/pod-security-conditions';
import { inUserNamespace } from './check';
import { LATEST_SE_LINUX_TYPES } from './checks/se-linux-options';
import { LATEST_SAFE_SYSCTLS } from './checks/sysctls';
import { formatPath } from '../path';
import type { RuleContext } from '../rules/rule';
import type { Resource } from '../model/resource';
import type { FieldPath } from '../types';
import { asRecord } from '../values';
import { checksAt, NEWEST_MINOR } from './check-registry';
import { clusterPodSecurity, isExempt } from './cluster-defaults';
import { isNamespaceObject, labelPolicies, policiesByNamespace, type PssPolicy } from './policy';
import { effectiveMinor, LATEST, parseVersion } from './version';

export const PSS_RULE_PREFIX = 'pss/';

/**
 * The policies a pod is evaluated against: the profile's, then what admission would check
 * (enforce, warn, audit): its Namespace's labels, each mode without a label taking the cluster
 * default of the run's PodSecurity configuration. A namespace without a Namespace object in the
 * set (unknown ones too) gets the defaults, as every namespace without labels does. Pods the
 * configuration exempts (namespace, runtime class) are not checked by admission; the profile
 * still checks them, as it checks every workload.
 */
export function admissionPolicies(context: RuleContext<unknown>, pod: PodTemplate): PssPolicy[] {
  const policies: PssPolicy[] = [];
  const { profile, pssVersion } = context.settings;
  if (profile === 'pss-baseline' || profile === 'pss-restricted') {
    const level = profile === 'pss-baseline' ? 'baseline' : 'restricted';
    policies.push({ mode: 'profile', level, version: parseVersion(pssVersion) ?? LATEST, namespace: null });
  }
  const cluster = clusterPodSecurity(context.resources).config;
  if (cluster && isExempt(cluster, pod)) return policies;
  const key = pod.resource.namespaceKey;
  const labelled = policiesByNamespace(context.resources, cluster ?? undefined).get(key);
  if (labelled) policies.push(...labelled);
  else if (cluster && !namespaceObjects(context.resources).has(key)) policies.push(...labelPolicies({}, pod.resource.placement.namespace, cluster));
  return policies;
}

const namespaceSets = new WeakMap<readonly Resource[], ReadonlySet<string>>();

/** Names of the Namespace objects of the run (computed once). */
function namespaceObjects(resources: readonly Resource[]): ReadonlySet<string> {
  let names = namespaceSets.get(resources);
  if (!names) {
    names = new Set(resources.flatMap((resource) => (isNamespaceObject(resource) && resource.name !== null ? [resource.name] : [])));
    namespaceSets.set(resources, names);
  }
  return names;
}

/** A policy whose violations keep the pod out of the cluster: an `enforce` label, or the profile (linting as if enforced). */
export function rejects(policy: PssPolicy): boolean {
  return policy.mode === 'enforce' || policy.mode === 'profile';
}

/**
 * Default rules whose condition is the same as a Pod Security Standards check's (both call the
 * condition in model/pod-security-conditions.ts). When admission rejects the field, the `pss/`
 * finding speaks for both, so that one field is not reported twice with the same meaning.
 */
interface Overlap {
  ruleId: string;
  checkIds: readonly string[];
  /** Where the default rule's condition holds (before its options). */
  paths(pod: PodTemplate): FieldPath[];
}

const OVERLAPS: readonly Overlap[] = [
  { ruleId: 'privileged-container', checkIds: ['privileged'], paths: (pod) => privilegedContainers(pod).map((match) => match.path) },
  { ruleId: 'host-namespaces', checkIds: ['hostNamespaces'], paths: (pod) => sharedHostNamespaces(pod).map((match) => match.path) },
  { ruleId: 'host-port', checkIds: ['hostPorts'], paths: (pod) => hostPorts(pod).map((match) => match.path) },
  {
    ruleId: 'host-path-volume',
    // At restricted level, restrictedVolumes replaces hostPathVolumes and reports the same field.
    checkIds: ['hostPathVolumes', 'restrictedVolumes'],
    paths: (pod) => hostPathVolumes(pod).filter((volume) => asRecord(volume.hostPath)).map((volume) => volume.path),
  },
  {
    ruleId: 'unmasked-proc-mount',
    // From v1.35 the restricted check replaces procMount; the default rule skips user-namespaced pods as baseline does.
    checkIds: ['procMount', 'procMount_restricted'],
    paths: (pod) => (inUserNamespace(pod) ? [] : unmaskedProcMounts(pod).map((match) => match.path)),
  },
  { ruleId: 'unsafe-sysctls', checkIds: ['sysctls'], paths: (pod) => sysctlsOutside(pod, new Set(LATEST_SAFE_SYSCTLS)).map((match) => match.path) },
  { ruleId: 'unsafe-selinux-options', checkIds: ['seLinuxOptions'], paths: (pod) => forbiddenSeLinuxOptions(pod, LATEST_SE_LINUX_TYPES).map((match) => match.path) },
  { ruleId: 'windows-host-process', checkIds: ['windowsHostProcess'], paths: (pod) => windowsHostProcesses(pod).map((match) => match.path) },
  { ruleId: 'probe-or-lifecycle-host', checkIds: ['hostProbesAndHostLifecycle'], paths: (pod) => probeAndLifecycleHosts(pod).map((match) => match.path) },
];

function isActive(context: RuleContext<unknown>, ruleId: string): boolean {
  return context.isRuleActive?.(ruleId) ?? false;
}

function samePath(a: FieldPath, b: FieldPath): boolean {
  return formatPath(a) === formatPath(b);
}

/**
 * Whether an active `pss/` rule reports this field of the pod as an admission rejection: the
 * default rule `ruleId` then leaves the field to it.
 */
export function rejectedAtAdmission(context: RuleContext<unknown>, pod: PodTemplate, ruleId: string, path: FieldPath): boolean {
  const overlap = OVERLAPS.find((entry) => entry.ruleId === ruleId);
  if (!overlap) return false;
  const checkIds = overlap.checkIds.filter((id) => isActive(context, `${PSS_RULE_PREFIX}${id}`));
  if (checkIds.length === 0) return false;
  return admissionPolicies(context, pod)
    .filter(rejects)
    .some((policy) => {
      const inForce = checksAt(policy.level, effectiveMinor(policy.version, NEWEST_MINOR));
      return checkIds.some((id) => inForce.get(id)?.evaluate(pod).some((violation) => samePath(violation.path, path)));
    });
}

/** The active default rules that left this rejected field to the `pss/` finding of `checkId`. */
export function rulesLeavingItToAdmission(context: RuleContext<unknown>, pod: PodTemplate, checkId: string, policy: PssPolicy, path: FieldPath): string[] {
  if (!rejects(policy)) return [];
  return OVERLAPS.filter(
    (overlap) => overlap.checkIds.includes(checkId) && isActive(context, overlap.ruleId) && overlap.paths(pod).some((candidate) => samePath(candidate, path)),
  ).map((overlap) => overlap.ruleId);
}
