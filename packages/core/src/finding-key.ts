import { identityNamespace } from './model/placement';
import type { Finding } from './types';

/** What identifies a finding across runs: its rule, file, object and field — never its line or column. */
export type FindingIdentity = Pick<Finding, 'ruleId' | 'file' | 'object' | 'path'>;

/**
 * The one key of a finding: the same for the same rule, file, object (its namespace as written:
 * identityNamespace) and field, whatever line the finding is on, so unrelated lines moving do not change it. The baseline matches findings by it
 * (with `file` relative to the baseline file) and SARIF's `partialFingerprints` hash it.
 * JSON encoding keeps the fields unambiguous: no separator can be forged by a name.
 */
export function findingKey(identity: FindingIdentity): string {
  const object = identity.object;
  return JSON.stringify([identity.ruleId, identity.file, object?.apiVersion ?? null, object?.kind ?? null, (object && identityNamespace(object)) ?? null, object?.name ?? null, identity.path]);
}
