import type { LintResult } from '@k8s-lint/core';

export interface FormatContext {
  /** Colour escapes are wanted (stylish only; decided from the terminal and NO_COLOR/FORCE_COLOR). */
  color: boolean;
}

/** A formatter is a pure function: result in, text out. */
export type Formatter = (result: LintResult, context: FormatContext) => string;
