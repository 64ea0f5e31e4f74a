import type { Resource } from '../../model/resource';
import { formatPath } from '../../path';
import type { FieldPath, Finding, Severity } from '../../types';

/** What a rule reports (stage "check"): a field of an object, and what is wrong with it. */
export interface RuleReport {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly resource: Resource;
  readonly path: FieldPath;
  readonly message: string;
}

/** Stage "locate": the finding at the reported field's place in its file. */
export function locate(report: RuleReport): Finding {
  const { resource } = report;
  const { range } = resource.locate(report.path);
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
  };
}
