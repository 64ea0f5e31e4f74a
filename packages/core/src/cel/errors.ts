/** Where a compile error sits inside the expression text (line and column are 1-based). */
export interface CelCompileErrorInfo {
  message: string;
  offset: number;
  line: number;
  column: number;
}

export class CelCompileError extends Error {
  readonly info: CelCompileErrorInfo;
  constructor(info: CelCompileErrorInfo) {
    super(`${info.message} (line ${info.line}, column ${info.column})`);
    this.name = 'CelCompileError';
    this.info = info;
  }
}

/** A runtime error: no such key, no matching overload, division by zero... */
export class CelEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelEvalError';
  }
}

/** The per-expression or per-run cost budget is spent. */
export class CelCostExceeded extends CelEvalError {
  constructor(message: string) {
    super(message);
    this.name = 'CelCostExceeded';
  }
}

/** Line and column (1-based) of `offset` inside `source`. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
