import { readFileSync } from 'node:fs';
import path from 'node:path';
import { displayPathOf } from '../load/inputs';
import type { Resource } from '../model/resource';
import type { FieldPath, Finding } from '../types';
import { isInside } from './discover';
import { templateRange } from './template-lines';
import { outlineOf, type Outline } from './template-outline';
import { FIRST_LINE } from './types';

/**
 * Maps findings on a chart's rendered output to the template named by `# Source:` (the chart's
 * own name replaced by its directory): at the template line that wrote the field when that is
 * certain, else at line 1; the field path still names the exact rendered field.
 */
export class HelmTemplateMap {
  private readonly outlines = new Map<string, Outline | null>();
  private readonly renderedLines: string[];

  constructor(
    private readonly chart: string,
    private readonly cwd: string,
    private readonly chartFile: string,
    renderedText: string,
  ) {
    this.renderedLines = renderedText.split(/\r?\n/);
  }

  map(finding: Finding, rendered: Resource | null, fieldPath: FieldPath): Finding {
    const source = finding.source;
    const slash = source ? source.indexOf('/') : -1;
    if (!source || slash < 0) return { ...finding, file: this.chartFile, ...FIRST_LINE, message: `${finding.message} (rendered by helm)` };
    const template = path.join(this.chart, source.slice(slash + 1));
    const outline = rendered && this.outlineOf(template);
    const range = outline ? templateRange(outline, rendered, fieldPath, this.renderedLines) : null;
    return { ...finding, file: displayPathOf(this.cwd, template), ...(range ?? FIRST_LINE) };
  }

  private outlineOf(template: string): Outline | null {
    // `# Source:` is text in the output: never read outside the chart because of it.
    if (!isInside(this.chart, template)) return null;
    if (!this.outlines.has(template)) this.outlines.set(template, readOutline(template));
    return this.outlines.get(template) ?? null;
  }
}

function readOutline(template: string): Outline | null {
  try {
    return outlineOf(readFileSync(template, 'utf8'));
  } catch {
    return null; // A subchart vendored as a .tgz has no template on disk.
  }
}
