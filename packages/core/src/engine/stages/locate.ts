import type { Resource } from '../../model/resource';
import { formatPath } from '../../path';
import type { FieldPath, Finding, RelatedLocation, Severity } from '../../types';

/** A field of another object that explains the report (stage "check"). */
export interface RelatedReport {
  readonly resource: Resource;
  readonly path: FieldPath;
  readonly message: string;
}

/** What a rule reports (stage "check"): a field of an object, and what is wrong with it. */
export interface RuleReport {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly resource: Resource;
  readonly path: FieldPath;
  readonly message: string;
  readonly related?: readonly RelatedReport[];
}

/** Stage "locate": the finding at the reported field's place in its file. */
export function locate(report: RuleReport): Finding {
  const { resource } = report;
  const { range } = resource.locate(report.path);
  const related = (report.related ?? []).map(locateRelated);
  return {
    ruleId: report.ruleId,
    severity: report.severity,
    message: report.message,
    file: resource.file,
    ...range,
    object: resource.ref,
    path: formatPath(report.path),
    source: resource.helmSource,
    suppression: null,
    // Absent rather than empty, so that findings without any are as they always were.
    ...(related.length > 0 ? { related } : {}),
  };
}

/** A related field at its place in its file (in rendered output until mapped). */
export function locateRelated(related: RelatedReport): RelatedLocation {
  return { file: related.resource.file, ...related.resource.locate(related.path).range, message: related.message };
}
