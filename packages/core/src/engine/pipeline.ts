import type { Resource } from '../model/resource';
import type { Rendering } from '../render';
import type { AnnotationPeer } from '../suppress/peer-checks';
import type { CommentSuppressions } from '../suppress/suppressions';
import type { FieldPath, Finding, RelatedLocation } from '../types';
import { FindingCollector, type CollectedFindings } from './finding-collector';
import type { BaselineUse } from './stages/baseline';
import { locate, locateRelated, type RelatedReport, type RuleReport } from './stages/locate';
import { mapRendered } from './stages/map-rendered';
import { OverlayMerge } from './stages/merge-overlays';
import { suppress } from './stages/suppressions';
import { maskUrlsIn } from '../text/mask-url';

export interface PipelineOptions {
  rendering: Rendering | null;
  /** Stage "overrides" (overrides/overrides.ts): the finding with its severity for its file, or null when off there. */
  overrides: (finding: Finding) => Finding | null;
  /** The `k8s-lint-disable-next-line` comments of a file (a display path), if it was read. */
  commentsOf: (file: string) => CommentSuppressions | undefined;
  /** Peers whose exemption annotations suppress the rules their checks map to (`honorPeerAnnotations`). */
  honorPeerAnnotations?: readonly AnnotationPeer[];
  maxFindings: number;
  baseline?: BaselineUse;
}

/**
 * The path every finding takes, one finding at a time, in this order:
 *
 *   check → locate → map rendered sources → overrides → suppressions → merge overlays → baseline → summary
 *
 * - check: a rule reports a field of an object (`report`), or loading reports a file (`loaded`);
 * - locate (stages/locate.ts): the finding at that field's line and column;
 * - map rendered sources (stages/map-rendered.ts): from rendered output to its Kustomize or Helm source;
 * - overrides (overrides/overrides.ts): per-file severity, or dropped;
 * - suppressions (stages/suppressions.ts): the object's ignore annotation, else a disable comment;
 * - merge overlays (stages/merge-overlays.ts): a base's finding rendered by several overlays, once;
 * - baseline (stages/baseline.ts): accepted by the baseline applied, or recorded;
 * - summary (stages/summary.ts): counted, and kept up to `maxFindings`.
 *
 * Each stage returns a new finding instead of changing one (Finding's fields are read-only), and
 * nothing holds every finding: past `maxFindings` they are counted, not kept (only rendered
 * findings wait for the overlays merge, one entry per distinct finding).
 */
export class FindingPipeline {
  private readonly collector: FindingCollector;
  private readonly overlays = new OverlayMerge();

  constructor(private readonly options: PipelineOptions) {
    this.collector = new FindingCollector(options.maxFindings, options.baseline);
  }

  /** A rule's report on a field of an object. */
  report(report: RuleReport): void {
    const finding = mapRendered(this.options.rendering, locate(report), report.resource, report.path);
    this.fromSource(withRelatedAtSource(this.options.rendering, finding, report.related ?? []), report.resource);
  }

  /** A finding made while loading a file (no object): already located, maybe in rendered output. */
  loaded(finding: Finding): void {
    this.fromSource(mapRendered(this.options.rendering, finding, null, NO_FIELD), null);
  }

  /** A finding made at its source already (render errors): joins after mapping. */
  atSource(finding: Finding): void {
    this.fromSource(finding, null);
  }

  finish(): CollectedFindings {
    for (const merged of this.overlays.drain()) this.collector.add(merged);
    return this.collector.finish();
  }

  private fromSource(finding: Finding, resource: Resource | null): void {
    const overridden = this.options.overrides(withMaskedUrls(finding));
    if (!overridden) return;
    const suppressed = suppress(overridden, resource, this.options.commentsOf(overridden.file), this.options.honorPeerAnnotations);
    if (!this.overlays.hold(suppressed)) this.collector.add(suppressed);
  }
}

const NO_FIELD: FieldPath = [];

/** Related fields in rendered output move to their sources too, each as its own field would. */
function withRelatedAtSource(rendering: Rendering | null, finding: Finding, related: readonly RelatedReport[]): Finding {
  if (!rendering || related.length === 0) return finding;
  const mapped = related.map((item): RelatedLocation => {
    const located = locateRelated(item);
    const at = rendering.map({ ...finding, ...located, related: [] }, item.resource, item.path);
    return { file: at.file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, message: item.message };
  });
  return { ...finding, related: mapped };
}

/** Whatever a rule, the loader or a renderer quotes, a URL in it shows no credentials: masked once, where every finding enters. */
function withMaskedUrls(finding: Finding): Finding {
  const message = maskUrlsIn(finding.message);
  const related = finding.related?.map((item) => ({ ...item, message: maskUrlsIn(item.message) }));
  if (message === finding.message && related === undefined) return finding;
  return { ...finding, message, ...(related ? { related } : {}) };
}
