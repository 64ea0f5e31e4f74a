import type { Resource } from '../../model/resource';

/**
 * Stage "report set", at the check stage: a rule's report on an object read only as context
 * (a file of the repository not named on the command line) is dropped before it is located or
 * counted, so that nothing is held for it. Findings on report-set objects that needed the
 * context (a workload guarded by a NetworkPolicy of another file) are kept.
 */
export function isInReportSet(contextObjects: ReadonlySet<Resource>): (resource: Resource) => boolean {
  if (contextObjects.size === 0) return () => true;
  return (resource) => !contextObjects.has(resource);
}
