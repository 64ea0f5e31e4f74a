import type { Resource } from '../model/resource';
import { asString } from '../values';
import type { PssLevel } from './check';
import { LATEST, parseVersion, type PolicyVersion } from './version';

export type PssMode = 'profile' | 'enforce' | 'warn' | 'audit';

/** A level and version to evaluate a pod at, and why. */
export interface PssPolicy {
  mode: PssMode;
  level: PssLevel;
  version: PolicyVersion;
  /** The Namespace whose labels asked for it (not for `profile`). */
  namespace: string | null;
}

type Level = PssLevel | 'privileged';

const LABEL_PREFIX = 'pod-security.kubernetes.io/';
const STRICTNESS: Record<Level, number> = { privileged: 0, baseline: 1, restricted: 2 };

function parseLevel(value: string): Level | undefined {
  return value === 'privileged' || value === 'baseline' || value === 'restricted' ? value : undefined;
}

interface ModeSetting {
  level: Level;
  version: PolicyVersion;
}

/**
 * The policies a Namespace's `pod-security.kubernetes.io/*` labels ask for, decoded as the
 * admission controller decodes them: an invalid enforce level means restricted, an invalid warn
 * or audit level means privileged (fail open), an invalid version means latest, and warn follows
 * a stricter enforce level unless warn is set.
 */
export function namespacePolicies(namespace: Resource): PssPolicy[] {
  const labels = namespace.labels;
  const label = (name: string): string | undefined => {
    const value = labels[`${LABEL_PREFIX}${name}`];
    // Label values are strings: anything else (null, a list) cannot be a valid level or version.
    if (value === undefined) return undefined;
    return asString(value) ?? '';
  };
  const settings: Record<'enforce' | 'audit' | 'warn', ModeSetting> = {
    enforce: { level: 'privileged', version: LATEST },
    audit: { level: 'privileged', version: LATEST },
    warn: { level: 'privileged', version: LATEST },
  };
  let hasEnforceLevel = false;
  for (const mode of ['enforce', 'audit', 'warn'] as const) {
    const level = label(mode);
    if (level !== undefined) {
      const parsed = parseLevel(level);
      settings[mode].level = parsed ?? (mode === 'enforce' ? 'restricted' : 'privileged');
      if (mode === 'enforce') hasEnforceLevel = parsed !== undefined;
    }
    const version = label(`${mode}-version`);
    if (version !== undefined) settings[mode].version = parseVersion(version) ?? LATEST;
  }
  if (label('warn') === undefined && hasEnforceLevel && STRICTNESS[settings.enforce.level] > STRICTNESS[settings.warn.level]) {
    settings.warn.level = settings.enforce.level;
    if (label('warn-version') === undefined) settings.warn.version = settings.enforce.version;
  }
  const policies: PssPolicy[] = [];
  for (const mode of ['enforce', 'warn', 'audit'] as const) {
    const { level, version } = settings[mode];
    if (level === 'privileged') continue;
    // A mode that asks for exactly what a more severe mode already checks adds nothing.
    if (policies.some((policy) => policy.level === level && sameVersion(policy.version, version))) continue;
    policies.push({ mode, level, version, namespace: namespace.name });
  }
  return policies;
}

function sameVersion(a: PolicyVersion, b: PolicyVersion): boolean {
  return a.latest ? b.latest : !b.latest && a.minor === b.minor;
}

const byResources = new WeakMap<readonly Resource[], ReadonlyMap<string, PssPolicy[]>>();

/** Policies requested by the Namespaces of the linted set, by namespace name (computed once per run). */
export function policiesByNamespace(resources: readonly Resource[]): ReadonlyMap<string, PssPolicy[]> {
  const cached = byResources.get(resources);
  if (cached) return cached;
  const map = new Map<string, PssPolicy[]>();
  for (const resource of resources) {
    if (resource.kind !== 'Namespace' || resource.apiVersion !== 'v1' || resource.name === null) continue;
    const policies = namespacePolicies(resource);
    if (policies.length > 0) map.set(resource.name, policies);
  }
  byResources.set(resources, map);
  return map;
}
