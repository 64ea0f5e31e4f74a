import type { PssCheck, PssCheckVersion, PssLevel } from './check';
import { PSS_CHECKS } from './checks';

/** The newest policy version any check has a revision for; `latest` and newer versions mean this one. */
export const NEWEST_MINOR = Math.max(...PSS_CHECKS.flatMap((check) => check.versions.map((version) => version.minVersion)));

/** The revision of a check in force at `minor`, if the check existed then. */
function revisionAt(check: PssCheck, minor: number): PssCheckVersion | undefined {
  let found: PssCheckVersion | undefined;
  for (const version of check.versions) if (version.minVersion <= minor) found = version;
  return found;
}

const cache = new Map<string, ReadonlyMap<string, PssCheckVersion>>();

/**
 * The checks the admission controller runs for a level at a policy version, keyed by check ID:
 * baseline runs the baseline checks; restricted runs the restricted checks and every baseline
 * check that no restricted check in force overrides.
 */
export function checksAt(level: PssLevel, minor: number): ReadonlyMap<string, PssCheckVersion> {
  const key = `${level}:${minor}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const inForce = new Map<string, PssCheckVersion>();
  const overridden = new Set<string>();
  for (const check of PSS_CHECKS) {
    if (level === 'baseline' && check.level !== 'baseline') continue;
    const revision = revisionAt(check, minor);
    if (!revision) continue;
    inForce.set(check.id, revision);
    if (check.level === 'restricted') for (const id of revision.overrides ?? []) overridden.add(id);
  }
  for (const id of overridden) inForce.delete(id);
  cache.set(key, inForce);
  return inForce;
}
