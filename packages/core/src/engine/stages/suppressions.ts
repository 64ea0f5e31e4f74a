import type { Resource } from '../../model/resource';
import type { AnnotationPeer } from '../../suppress/peer-checks';
import { annotationSuppression, type CommentSuppressions } from '../../suppress/suppressions';
import type { Finding } from '../../types';

/**
 * Stage "suppressions": the object's `k8s-lint.io/ignore` annotation (or the exemption of a peer
 * named by `honorPeerAnnotations`), else a
 * `k8s-lint-disable-next-line` comment of the finding's file, marks it suppressed (a new finding).
 */
export function suppress(finding: Finding, resource: Resource | null, comments: CommentSuppressions | undefined, peers: readonly AnnotationPeer[] = []): Finding {
  if (finding.suppression) return finding;
  const suppression = (resource && annotationSuppression(resource, finding.ruleId, peers, finding.path)) ?? comments?.find(finding.line, finding.ruleId) ?? null;
  return suppression ? { ...finding, suppression } : finding;
}
