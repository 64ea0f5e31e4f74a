import type { ChartSetting } from '../config/chart-entries';
import type { Resource } from '../model/resource';
import type { FieldPath, Finding, SourceRange } from '../types';
import { maskUrlsIn } from '../text/mask-url';
import type { ProgramLocator, ProgramRunner } from './runner';

export const RENDER_ERROR_RULE_ID = 'render-error';

export interface RenderOptions {
  /** Render kustomization directories with `kubectl kustomize` (or `kustomize build`). */
  kustomize?: boolean;
  /** Render chart directories with `helm template`. */
  helm?: boolean;
  /** `--values` files for `helm template`, relative to the working directory. */
  values?: readonly string[];
  /**
   * Per-chart values files, release name and namespace: the configuration's `charts`, with
   * absolute real paths as parseConfig resolves them. A chart's own values files come before
   * `values`, so that the command line wins; charts without an entry render as before.
   */
  charts?: readonly ChartSetting[];
  /**
   * The helm program to run instead of the one on the PATH (`--helm-binary`). Command line only:
   * the configuration may come from a pull request, and a key naming a program to run would run
   * the pull request's code.
   */
  helmBinary?: string;
  /** Called once per missing program, only when there is a chart or kustomization for it; the library never writes to the terminal. */
  onNotice?: (message: string) => void;
  runner?: ProgramRunner;
  locate?: ProgramLocator;
}

/** Rendered output that goes through the same parse path as files, under a synthetic display path. */
export interface RenderedInput {
  absolutePath: null;
  /** Synthetic, internal only: every finding from it is mapped back by `map`. */
  displayPath: string;
  /** The file listed in the result's `files` (the kustomization file or Chart.yaml). */
  reportPath: string;
  text: string;
  map(finding: Finding, resource: Resource | null, path: FieldPath): Finding;
}

export function renderError(file: string, range: SourceRange, message: string): Finding {
  return { ruleId: RENDER_ERROR_RULE_ID, severity: 'error', message, file, ...range, object: null, path: '', source: null, suppression: null };
}

export const FIRST_LINE: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Longest excerpt of a program's error output quoted in a render-error. */
const MAX_ERROR_LENGTH = 1000;

/** The first lines of a program's error output, for a finding message. */
export function summarizeError(stderr: string, failure: string | null): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  // The programs quote URLs from the kustomization or chart, credentials included; bounded
  // first, so that a flood of output costs nothing to scan.
  const text = maskUrlsIn(lines.slice(0, 3).join(' ').slice(0, MAX_ERROR_LENGTH));
  return failure ? `${failure}${text ? `: ${text}` : ''}` : text || 'no error output';
}
