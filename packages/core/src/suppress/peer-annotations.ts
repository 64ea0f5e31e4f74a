import type { Resource } from '../model/resource';
import type { Suppression } from '../types';
import { asString } from '../values';
import { type AnnotationPeer, type Peer, peerChecksCovering } from './peer-checks';

const KUBE_LINTER_PREFIX = 'ignore-check.kube-linter.io/';
const POLARIS_PREFIX = 'polaris.fairwinds.com/';
const POLARIS_SUFFIX = '-exempt';
const POLARIS_REASON = 'polaris exemption';

interface Exemption {
  peer: Peer;
  check: string;
  reason: string | null;
}

/** The exemptions of the honoured peers written on the object. */
function exemptionsOf(resource: Resource, peers: readonly AnnotationPeer[]): Exemption[] {
  const exemptions: Exemption[] = [];
  for (const [key, raw] of Object.entries(resource.annotations)) {
    const value = asString(raw);
    if (value === undefined) continue;
    if (peers.includes('kube-linter') && key.startsWith(KUBE_LINTER_PREFIX)) {
      exemptions.push({ peer: 'kube-linter', check: key.slice(KUBE_LINTER_PREFIX.length), reason: value.trim() || null });
    } else if (peers.includes('polaris') && key.startsWith(POLARIS_PREFIX) && key.endsWith(POLARIS_SUFFIX) && value.trim().toLowerCase() === 'true') {
      // Polaris exempts only on "true"; any other value keeps the check.
      exemptions.push({ peer: 'polaris', check: key.slice(POLARIS_PREFIX.length, -POLARIS_SUFFIX.length), reason: POLARIS_REASON });
    }
  }
  return exemptions;
}

/**
 * With `honorPeerAnnotations`, a peer's exemption on the object suppresses the rules its check
 * maps to (peer-checks.ts; a check about one field, such as host-network, only findings on it), so
 * that a repository keeps its reviewed exceptions when it moves over:
 * - `ignore-check.kube-linter.io/<check>: "<reason>"`, the reason being the value;
 * - `polaris.fairwinds.com/<check>-exempt: "true"`, which states none ("polaris exemption").
 */
export function peerAnnotationSuppression(resource: Resource, ruleId: string, path: string, peers: readonly AnnotationPeer[]): Suppression | null {
  if (peers.length === 0) return null;
  const exemptions = exemptionsOf(resource, peers);
  if (exemptions.length === 0) return null;
  const covering = peerChecksCovering(exemptions, ruleId, path);
  if (covering.length === 0) return null;
  const reasons = [...new Set(exemptions.filter((e) => covering.some((c) => c.peer === e.peer && c.check === e.check)).flatMap((e) => (e.reason === null ? [] : [e.reason])))];
  return { via: 'annotation', reason: reasons.length > 0 ? reasons.join('; ') : null };
}
