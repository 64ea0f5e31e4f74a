import { compareStrings } from '../../text/strings';
import type { Finding, ObjectRef } from '../../types';

/**
 * Stage "merge overlays": a finding in a base that several overlays render (`--kustomize`) is the
 * same finding each time: same rule, file, line, column, field path, message, severity and
 * suppression. It is reported once, with every overlay in `renderedBy`; when the overlays gave
 * its object different names or namespaces, it names the object as written in that file. Only
 * rendered findings are held until the end (one entry per distinct finding); the others pass
 * straight through.
 */
export class OverlayMerge {
  private readonly held = new Map<string, Finding>();

  /** Whether the finding was held to be merged (then `drain` gives it); false: pass it on. */
  hold(finding: Finding): boolean {
    if (!finding.renderedBy) return false;
    const key = mergeKey(finding);
    const known = this.held.get(key);
    this.held.set(key, known ? merge(known, finding) : finding);
    return true;
  }

  /** The merged findings, once every finding is in. */
  *drain(): Generator<Finding> {
    for (const { writtenObject: _written, ...finding } of this.held.values()) yield finding;
    this.held.clear();
  }
}

function merge(known: Finding, other: Finding): Finding {
  const renderedBy = [...new Set([...(known.renderedBy ?? []), ...(other.renderedBy ?? [])])].sort(compareStrings);
  const object = sameObject(known.object, other.object) ? known.object : (known.writtenObject ?? known.object);
  return { ...known, object, renderedBy };
}

function sameObject(a: Readonly<ObjectRef> | null, b: Readonly<ObjectRef> | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function mergeKey(finding: Finding): string {
  const suppression = finding.suppression ? [finding.suppression.via, finding.suppression.reason] : null;
  const object = finding.writtenObject ?? finding.object;
  return JSON.stringify([finding.ruleId, finding.file, finding.line, finding.column, finding.endLine, finding.endColumn, finding.path, object?.kind ?? null, object?.name ?? null, finding.severity, finding.message, finding.source, suppression]);
}
