import { gzipSync } from 'zlib';
import { severityRank, type Finding, type LintResult } from '@k8s-lint/core';

/**
 * GitHub code scanning's upload limits (docs.github.com, "SARIF results exceed one or more
 * limits"): an upload above a hard limit is rejected whole.
 */
export const GITHUB_LIMITS = {
  /** Results per run (hard); GitHub shows the 5,000 most severe. */
  resultsPerRun: 25_000,
  /** Tags per rule: 20 hard, 10 kept; k8s-lint writes at most 10. */
  tagsPerRule: 10,
  /** The gzip-compressed file, in bytes. */
  gzipBytes: 10_000_000,
} as const;

/**
 * Compressed bytes the results may take: the rest of the log (rules and their help, about 40 KB
 * compressed) and the difference between the order results are measured in and the order they
 * are written in fit in what is left.
 */
const RESULTS_GZIP_BUDGET = 9_000_000;
/** Results are compressed in batches of this many bytes to measure them; deflate looks back only 32 KB. */
const MEASURE_BATCH_BYTES = 1 << 20;

export interface SarifCut {
  /** Indexes into result.findings of the findings written as results, in report order. */
  kept: number[];
  /** Findings left out to stay within the results-per-run limit, then the size limit. */
  overCount: Finding[];
  overSize: Finding[];
}

/**
 * Which findings become results: all when they fit, else the most severe — unsuppressed before
 * suppressed, then error, warning, note, then report order — up to 25,000, and as many of those as
 * fit in the compressed size. Deterministic: it depends on the findings only. `measure` gives
 * the text of the result of a finding, as written.
 */
export function cutToLimits(result: LintResult, measure: (index: number) => string): SarifCut {
  const findings = result.findings;
  const byPriority = findings.map((_, index) => index).sort((a, b) => priority(findings[a]) - priority(findings[b]) || a - b);
  const counted = byPriority.slice(0, GITHUB_LIMITS.resultsPerRun);
  const fitting = counted.slice(0, resultsThatFit(counted, measure));
  return {
    kept: [...fitting].sort((a, b) => a - b),
    overCount: byPriority.slice(counted.length).map((index) => findings[index] as Finding),
    overSize: counted.slice(fitting.length).map((index) => findings[index] as Finding),
  };
}

/** Lower comes first: unsuppressed before suppressed, then the most severe. */
function priority(finding: Finding | undefined): number {
  if (!finding) return 0;
  return (finding.suppression ? 10 : 0) - severityRank(finding.severity);
}

/** How many of `indexes`, taken in order, fit in the compressed budget. */
function resultsThatFit(indexes: readonly number[], measure: (index: number) => string): number {
  // What is not larger than the budget uncompressed is not larger compressed: nothing to compress.
  let uncompressed = 0;
  for (const index of indexes) uncompressed += Buffer.byteLength(measure(index)) + 2;
  if (uncompressed <= RESULTS_GZIP_BUDGET) return indexes.length;
  let kept = 0;
  let compressed = 0;
  let batch: string[] = [];
  let batchBytes = 0;
  for (const index of indexes) {
    const text = measure(index);
    batch.push(text);
    batchBytes += Buffer.byteLength(text) + 2;
    if (batchBytes < MEASURE_BATCH_BYTES) continue;
    const fits = longestPrefixWithin(batch, RESULTS_GZIP_BUDGET - compressed);
    kept += fits.count;
    compressed += fits.bytes;
    if (fits.count < batch.length) return kept;
    batch = [];
    batchBytes = 0;
  }
  return kept + longestPrefixWithin(batch, RESULTS_GZIP_BUDGET - compressed).count;
}

/** The longest prefix of `texts` whose compressed size is at most `budget`, and that size. */
function longestPrefixWithin(texts: readonly string[], budget: number): { count: number; bytes: number } {
  const size = (count: number): number => (count === 0 ? 0 : gzipSync(texts.slice(0, count).join(',\n')).length);
  const all = size(texts.length);
  if (all <= budget) return { count: texts.length, bytes: all };
  let low = 0;
  let high = texts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (size(middle) <= budget) low = middle;
    else high = middle - 1;
  }
  return { count: low, bytes: size(low) };
}
