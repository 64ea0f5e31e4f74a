import { EMPTY_CONFIG, lint } from '../../src';
import { validatingAdmissionPolicy } from '../../src/rules/admission-policies/vap';

export interface Seen {
  ruleId: string;
  severity: string;
  at: string;
  object: string;
  path: string;
  message: string;
}

/** The rule's findings on a manifest text, with everything a test states. */
export async function admissionFindings(text: string): Promise<Seen[]> {
  const config = { ...EMPTY_CONFIG, rules: { vap: { severity: 'error' as const } } };
  const result = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, config, rules: [validatingAdmissionPolicy] });
  return result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    at: `${finding.line}:${finding.column}`,
    object: finding.object ? `${finding.object.kind} ${finding.object.namespace ? `${finding.object.namespace}/` : ''}${finding.object.name ?? ''}` : '',
    path: finding.path,
    message: finding.message,
  }));
}
