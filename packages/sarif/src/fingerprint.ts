import { createHash } from 'crypto';
import { findingKey, type Finding } from '@k8s-lint/core';

/**
 * partialFingerprints key. Versioned so that a future change of the key material can use a new
 * key instead of silently re-identifying every existing alert.
 */
export const FINGERPRINT_KEY = 'k8sLintFindingHash/v1';

/**
 * What identifies a finding across runs: core's `findingKey` (rule, file, object and field, but
 * not the line or column), so an alert survives unrelated edits that move it within the file.
 */
export function fingerprintMaterial(finding: Finding): string {
  return findingKey(finding);
}

/**
 * One fingerprint per finding, in order. Findings with the same key are told apart by their
 * occurrence number (0, 1, ...) in findings order, so fingerprints are unique in a run.
 */
export function fingerprintFindings(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const material = fingerprintMaterial(finding);
    const occurrence = seen.get(material) ?? 0;
    seen.set(material, occurrence + 1);
    return sha256Hex(`${material}\n${occurrence}`);
  });
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
