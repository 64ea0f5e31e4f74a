import type { LintResult } from '@k8s-lint/core';

export interface FormatContext {
  /** Colour escapes are wanted (stylish only; decided from the terminal and NO_COLOR/FORCE_COLOR). */
  color: boolean;
  /** The configuration file the run used, relative to the working directory with `/`; null when none. */
  config?: string | null;
  /** Columns human formats fit their lines to (stylish; 80 when not given). */
  width?: number;
  /** The text of a file the result names (html excerpts); undefined when it cannot be read. Supplied by the CLI, bounded. */
  readSource?: (file: string) => string | undefined;
}

/** A report as pieces of text, written one after the other, so that a large report is never one string. */
export type ReportChunks = Iterable<string>;

/** A formatter is a pure function: result in, text out (in pieces). */
export type Formatter = (result: LintResult, context: FormatContext) => ReportChunks;
