import { compareStrings } from '../../text/strings';
import type { Finding } from '../../types';

/** Report order: file, line, column, rule id, field path, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.path, b.path) ||
    compareStrings(a.message, b.message)
  );
}

/** A finding and its arrival number: ties in report order keep arrival order, as a stable sort did. */
export interface Sequenced {
  readonly finding: Finding;
  readonly seq: number;
}

export function compareSequenced(a: Sequenced, b: Sequenced): number {
  return compareFindings(a.finding, b.finding) || a.seq - b.seq;
}
