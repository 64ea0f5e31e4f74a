import type { PodTemplate } from '../model/pod';
import type { Resource } from '../model/resource';
import { asArray, asRecord, asString, type JsonRecord } from '../values';
import { parseLevel, type AdmissionMode, type ClusterDefaults, type ModeSetting } from './policy';
import { formatVersion, LATEST, parseVersion } from './version';

/**
 * The cluster's Pod Security Admission configuration, read from the run's objects (context
 * included): the `PodSecurity` plugin of an `AdmissionConfiguration` (its inline
 * `configuration:`; a `path:` names a file of the control plane, not followed), or a standalone
 * `PodSecurityConfiguration` document (what such a `path:` points at).
 */
export interface ClusterPodSecurity extends ClusterDefaults {
  /** The object it was read from (an AdmissionConfiguration or a PodSecurityConfiguration). */
  resource: Resource;
  exemptNamespaces: ReadonlySet<string>;
  exemptRuntimeClasses: ReadonlySet<string>;
  // Exempt usernames are not kept: who creates a pod cannot be known from a manifest.
}

export interface ClusterPodSecurityOfRun {
  /** The configuration predictions use: null when the set has none, or several that disagree. */
  config: ClusterPodSecurity | null;
  /** Every valid configuration read, in the order of the objects. */
  found: readonly ClusterPodSecurity[];
}

const ADMISSION_API_VERSIONS = new Set(['apiserver.config.k8s.io/v1', 'apiserver.config.k8s.io/v1alpha1', 'apiserver.k8s.io/v1alpha1']);
const POD_SECURITY_API_VERSIONS = new Set([
  'pod-security.admission.config.k8s.io/v1',
  'pod-security.admission.config.k8s.io/v1beta1',
  'pod-security.admission.config.k8s.io/v1alpha1',
]);

function isPodSecurityConfiguration(record: JsonRecord): boolean {
  return record.kind === 'PodSecurityConfiguration' && POD_SECURITY_API_VERSIONS.has(asString(record.apiVersion) ?? '');
}

/** The PodSecurityConfiguration an object holds, if any. */
function embeddedConfigurations(resource: Resource): JsonRecord[] {
  if (isPodSecurityConfiguration(resource.object)) return [resource.object];
  if (resource.kind !== 'AdmissionConfiguration' || !ADMISSION_API_VERSIONS.has(resource.apiVersion)) return [];
  return asArray(resource.object.plugins).flatMap((plugin) => {
    const record = asRecord(plugin);
    const configuration = asRecord(record?.configuration);
    return record?.name === 'PodSecurity' && configuration && isPodSecurityConfiguration(configuration) ? [configuration] : [];
  });
}

/**
 * The mode's default as the API server reads it: empty or absent means privileged and latest.
 * Undefined when invalid: the API server does not start with such a configuration.
 */
function modeDefault(defaults: JsonRecord, mode: AdmissionMode): ModeSetting | undefined {
  const levelText = defaults[mode] ?? '';
  const versionText = defaults[`${mode}-version`] ?? '';
  if (typeof levelText !== 'string' || typeof versionText !== 'string') return undefined;
  const level = levelText === '' ? 'privileged' : parseLevel(levelText);
  const version = versionText === '' ? LATEST : parseVersion(versionText);
  return level && version ? { level, version } : undefined;
}

function names(value: unknown): Set<string> {
  return new Set(asArray(value).flatMap((name) => (typeof name === 'string' ? [name] : [])));
}

function readConfiguration(resource: Resource, configuration: JsonRecord): ClusterPodSecurity | undefined {
  const defaults = asRecord(configuration.defaults) ?? {};
  const enforce = modeDefault(defaults, 'enforce');
  const audit = modeDefault(defaults, 'audit');
  const warn = modeDefault(defaults, 'warn');
  if (!enforce || !audit || !warn) return undefined;
  const exemptions = asRecord(configuration.exemptions) ?? {};
  return {
    file: resource.file,
    resource,
    modes: { enforce, audit, warn },
    exemptNamespaces: names(exemptions.namespaces),
    exemptRuntimeClasses: names(exemptions.runtimeClasses),
  };
}

/** What decides admission, for comparing configurations: equal keys predict the same. */
function decisionKey(config: ClusterPodSecurity): string {
  const modes = Object.entries(config.modes).map(([mode, setting]) => `${mode}=${setting.level}:${formatVersion(setting.version)}`);
  return JSON.stringify([modes, [...config.exemptNamespaces].sort(), [...config.exemptRuntimeClasses].sort()]);
}

const byResources = new WeakMap<readonly Resource[], ClusterPodSecurityOfRun>();

/**
 * The cluster configuration of the run (computed once). Several that agree count as one (the
 * first); several that disagree (say, one per cluster of the repository) are all left out: a
 * prediction for one cluster's namespaces from another cluster's defaults would be wrong.
 */
export function clusterPodSecurity(resources: readonly Resource[]): ClusterPodSecurityOfRun {
  const cached = byResources.get(resources);
  if (cached) return cached;
  const found = resources.flatMap((resource) => embeddedConfigurations(resource).flatMap((configuration) => readConfiguration(resource, configuration) ?? []));
  const agree = new Set(found.map(decisionKey)).size === 1;
  const result: ClusterPodSecurityOfRun = { config: agree ? (found[0] ?? null) : null, found };
  byResources.set(resources, result);
  return result;
}

/** Whether the admission controller lets the pod in unchecked: exempt namespace or runtime class. */
export function isExempt(config: ClusterPodSecurity, pod: PodTemplate): boolean {
  const namespace = pod.resource.placement.namespace;
  if (namespace !== null && config.exemptNamespaces.has(namespace)) return true;
  const runtimeClass = pod.spec.runtimeClassName;
  return typeof runtimeClass === 'string' && config.exemptRuntimeClasses.has(runtimeClass);
}
