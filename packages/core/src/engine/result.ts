import type { Baseline } from '../baseline/baseline';
import type { RuleMeta } from '../rules/rule';
import type { Finding, Severity } from '../types';

export interface LintSummary {
  /** Files read (including ones that failed to parse). */
  files: number;
  /** Kubernetes objects linted (List items count one each). */
  objects: number;
  /** Non-empty documents without apiVersion/kind, skipped. */
  skipped: number;
  /** Findings that are not suppressed, and their split by severity. */
  findings: number;
  errors: number;
  warnings: number;
  notes: number;
  /** Findings suppressed in the manifests (annotations, comments). */
  suppressed: number;
  /** Findings accepted by a baseline; present only when a baseline was applied. */
  baselined?: number;
  /** Objects that `schema-invalid` could not check (custom resources without a CRD); present only when non-zero. */
  unvalidated?: number;
  /**
   * Findings counted above (suppressed or not) but not kept in `findings`, because the run found
   * more than `maxFindings`; present only then.
   */
  omitted?: number;
  /**
   * Files read only as context for cross-object rules (the repository around the files named on
   * the command line; never reported on); present only when some were read.
   */
  contextFiles?: number;
}

/** A rule as it ran: its metadata with the severity configured for this run. */
export interface RuleRun {
  meta: RuleMeta;
  severity: Severity;
}

export interface LintResult {
  summary: LintSummary;
  /** Every file read, in the order of the findings (display paths). */
  files: string[];
  /**
   * Sorted by file, line, column, ruleId; suppressed findings included (see `suppression`). At
   * most `maxFindings` of them: unsuppressed ones first, then suppressed ones in the room left.
   */
  findings: Finding[];
  /** Every rule that ran, sorted by id. */
  rules: RuleRun[];
  /** The cap on kept findings; present only when the run found more (see `summary.omitted`). */
  maxFindings?: number;
  /** The baseline recorded from this run's unsuppressed findings (lint option `baseline: { record }`). */
  baseline?: Baseline;
}
