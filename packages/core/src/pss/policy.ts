import type { Resource } from '../model/resource';
import { asString, type JsonRecord } from '../values';
import type { PssLevel } from './check';
import { LATEST, parseVersion, type PolicyVersion } from './version';

export type PssMode = 'profile' | 'enforce' | 'warn' | 'audit';

/** A level and version to evaluate a pod at, and why. */
export interface PssPolicy {
  mode: PssMode;
  level: PssLevel;
  version: PolicyVersion;
  /** The Namespace whose labels (or, without a label for the mode, whose cluster default) asked for it; null for `profile` and unknown namespaces. */
  namespace: string | null;
  /** Set when no label of the Namespace set the mode's level: the file of the cluster's PodSecurity configuration that did. */
  clusterDefault?: string;
}

export type AdmissionLevel = PssLevel | 'privileged';
export type AdmissionMode = 'enforce' | 'audit' | 'warn';

export const LABEL_PREFIX = 'pod-security.kubernetes.io/';
const STRICTNESS: Record<AdmissionLevel, number> = { privileged: 0, baseline: 1, restricted: 2 };

export function parseLevel(value: string): AdmissionLevel | undefined {
  return value === 'privileged' || value === 'baseline' || value === 'restricted' ? value : undefined;
}

export interface ModeSetting {
  level: AdmissionLevel;
  version: PolicyVersion;
}

/** What each mode asks for when no label says otherwise: the cluster's defaults, read from `file`. */
export interface ClusterDefaults {
  file: string;
  modes: Readonly<Record<AdmissionMode, ModeSetting>>;
}

const NO_DEFAULTS: ClusterDefaults['modes'] = {
  enforce: { level: 'privileged', version: LATEST },
  audit: { level: 'privileged', version: LATEST },
  warn: { level: 'privileged', version: LATEST },
};

/**
 * The policies a Namespace's `pod-security.kubernetes.io/*` labels ask for, decoded as the
 * admission controller decodes them: an invalid enforce level means restricted, an invalid warn
 * or audit level means privileged (fail open), an invalid version means latest, and warn follows
 * a stricter enforce level unless warn is set. Each mode without a label keeps the cluster's
 * default (`defaults`; privileged, latest when none).
 */
export function namespacePolicies(namespace: Resource, defaults?: ClusterDefaults): PssPolicy[] {
  return labelPolicies(namespace.labels, namespace.name, defaults);
}

/** The policies for a namespace with these labels (`{}` for a namespace without a Namespace object). */
export function labelPolicies(labels: JsonRecord, namespaceName: string | null, defaults?: ClusterDefaults): PssPolicy[] {
  const label = (name: string): string | undefined => {
    const value = labels[`${LABEL_PREFIX}${name}`];
    // Label values are strings: anything else (null, a list) cannot be a valid level or version.
    if (value === undefined) return undefined;
    return asString(value) ?? '';
  };
  const modes = defaults?.modes ?? NO_DEFAULTS;
  const settings: Record<AdmissionMode, ModeSetting> = { enforce: { ...modes.enforce }, audit: { ...modes.audit }, warn: { ...modes.warn } };
  const levelFromLabel: Record<AdmissionMode, boolean> = { enforce: false, audit: false, warn: false };
  let hasEnforceLevel = false;
  for (const mode of ['enforce', 'audit', 'warn'] as const) {
    const level = label(mode);
    if (level !== undefined) {
      const parsed = parseLevel(level);
      settings[mode].level = parsed ?? (mode === 'enforce' ? 'restricted' : 'privileged');
      levelFromLabel[mode] = true;
      if (mode === 'enforce') hasEnforceLevel = parsed !== undefined;
    }
    const version = label(`${mode}-version`);
    if (version !== undefined) settings[mode].version = parseVersion(version) ?? LATEST;
  }
  // As upstream: warn follows an enforce label stricter than warn's level (the default's included).
  if (label('warn') === undefined && hasEnforceLevel && STRICTNESS[settings.enforce.level] > STRICTNESS[settings.warn.level]) {
    settings.warn.level = settings.enforce.level;
    levelFromLabel.warn = true;
    if (label('warn-version') === undefined) settings.warn.version = settings.enforce.version;
  }
  const policies: PssPolicy[] = [];
  for (const mode of ['enforce', 'warn', 'audit'] as const) {
    const { level, version } = settings[mode];
    if (level === 'privileged') continue;
    // A mode that asks for exactly what a more severe mode already checks adds nothing.
    if (policies.some((policy) => policy.level === level && sameVersion(policy.version, version))) continue;
    const decidedBy = !levelFromLabel[mode] && defaults ? { clusterDefault: defaults.file } : {};
    policies.push({ mode, level, version, namespace: namespaceName, ...decidedBy });
  }
  return policies;
}

function sameVersion(a: PolicyVersion, b: PolicyVersion): boolean {
  return a.latest ? b.latest : !b.latest && a.minor === b.minor;
}

const byResources = new WeakMap<readonly Resource[], ReadonlyMap<string, PssPolicy[]>>();

/**
 * Policies requested by the Namespaces of the linted set, by namespace name; a Namespace that
 * asks for nothing has no entry (computed once per run: `defaults` must be those of the same resources).
 */
export function policiesByNamespace(resources: readonly Resource[], defaults?: ClusterDefaults): ReadonlyMap<string, PssPolicy[]> {
  const cached = byResources.get(resources);
  if (cached) return cached;
  const map = new Map<string, PssPolicy[]>();
  for (const resource of resources) {
    if (!isNamespaceObject(resource) || resource.name === null) continue;
    const policies = namespacePolicies(resource, defaults);
    if (policies.length > 0) map.set(resource.name, policies);
  }
  byResources.set(resources, map);
  return map;
}

export function isNamespaceObject(resource: Resource): boolean {
  return resource.kind === 'Namespace' && resource.apiVersion === 'v1';
}
