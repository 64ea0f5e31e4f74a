/**
 * Glob patterns of `exclude`, `--exclude` and `overrides[].files`, matched in linear time.
 *
 * Patterns come from the linted repository's configuration and are matched against its file
 * names, so both sides may be hostile: a glob compiled to a backtracking regular expression
 * (`a*a*a*a*b` against a long name of `a`s) can take longer than the whole run. Here a segment
 * is matched with the two-pointer wildcard algorithm (O(name × pattern)) and `**` by dynamic
 * programming over segments, and what would be expensive or ambiguous is rejected up front.
 *
 * Supported: `*` and `?` (not `/`, leading dots included), `[abc]`, `[a-z]`, `[!a]`, `\x`,
 * `{a,b}` alternatives (nestable), and `**` as a whole segment (any number of directories).
 */
export type GlobMatcher = (path: string) => boolean;

export const MAX_GLOB_LENGTH = 1000;
const MAX_ALTERNATIVES = 256;

type Token = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> };
type Segment = Token[] | 'globstar';

/** Why a pattern is not accepted, or null when it is. */
export function globProblem(pattern: string): string | null {
  try {
    compile(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Compiles a glob; throws an Error whose message says what is wrong with it. */
export function compileGlob(pattern: string): GlobMatcher {
  const alternatives = compile(pattern);
  return (path) => {
    const segments = path.split('/');
    return alternatives.some((alternative) => matchSegments(alternative, segments));
  };
}

function compile(pattern: string): Segment[][] {
  if (pattern.length > MAX_GLOB_LENGTH) throw new Error(`pattern is longer than ${MAX_GLOB_LENGTH} characters`);
  if (pattern.startsWith('!')) throw new Error('negated patterns ("!...") are not supported: list what to exclude');
  if (/[@!+*?]\(/.test(pattern)) throw new Error('extended globs such as "@(a|b)" or "+(x)" are not supported: use {a,b}');
  return expandBraces(pattern).map((expanded) => expanded.split('/').map((segment) => (segment === '**' ? 'globstar' : tokenize(segment))));
}

/** `a{b,c{d,e}}` → `ab`, `acd`, `ace`; a bounded number of alternatives. */
function expandBraces(pattern: string): string[] {
  const open = findUnescaped(pattern, '{', 0);
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length && close < 0; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) close = i;
    else if (char === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) throw new Error('unbalanced "{" in pattern');
  const prefix = pattern.slice(0, open);
  const suffixes = expandBraces(pattern.slice(close + 1));
  const bounds = [open, ...commas, close];
  const choices = bounds.slice(1).flatMap((end, index) => expandBraces(pattern.slice((bounds[index] ?? open) + 1, end)));
  if (choices.length * suffixes.length > MAX_ALTERNATIVES) throw new Error(`pattern expands to more than ${MAX_ALTERNATIVES} alternatives`);
  return choices.flatMap((choice) => suffixes.map((suffix) => `${prefix}${choice}${suffix}`));
}

function findUnescaped(text: string, char: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) return i;
  }
  return -1;
}

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i] ?? '';
    if (char === '\\') {
      const next = segment[++i];
      if (next === undefined) throw new Error('pattern ends with an unfinished escape "\\"');
      tokens.push({ kind: 'char', char: next });
    } else if (char === '*') {
      // `**` inside a segment (`a**b`) means the same as `*`.
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') tokens.push({ kind: 'any' });
    else if (char === '[') i = readClass(segment, i, tokens);
    else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/** Reads `[...]` starting at `start`; returns the index of its `]`. */
function readClass(segment: string, start: number, tokens: Token[]): number {
  let i = start + 1;
  const negated = segment[i] === '!' || segment[i] === '^';
  if (negated) i++;
  const ranges: Array<[string, string]> = [];
  // A `]` right after the opening is a member, as in shells.
  for (let first = true; i < segment.length && (first || segment[i] !== ']'); first = false) {
    let low = segment[i] ?? '';
    if (low === '\\') low = segment[++i] ?? '';
    let high = low;
    if (segment[i + 1] === '-' && segment[i + 2] !== undefined && segment[i + 2] !== ']') {
      high = segment[i + 2] ?? low;
      i += 2;
    }
    if (high < low) throw new Error(`invalid range "${low}-${high}" in pattern`);
    ranges.push([low, high]);
    i++;
  }
  if (segment[i] !== ']') throw new Error('unclosed "[" in pattern');
  tokens.push({ kind: 'class', negated, ranges });
  return i;
}

function matchesToken(token: Exclude<Token, { kind: 'star' }>, char: string): boolean {
  if (token.kind === 'char') return token.char === char;
  if (token.kind === 'any') return true;
  const inside = token.ranges.some(([low, high]) => char >= low && char <= high);
  return inside !== token.negated;
}

/** Wildcard matching of one segment: greedy, backing up only to the last star (linear per star). */
function matchSegment(tokens: readonly Token[], name: string): boolean {
  let t = 0;
  let n = 0;
  let starToken = -1;
  let starName = 0;
  while (n < name.length) {
    const token = tokens[t];
    if (token && token.kind === 'star') {
      starToken = t++;
      starName = n;
    } else if (token && matchesToken(token, name[n] ?? '')) {
      t++;
      n++;
    } else if (starToken >= 0) {
      t = starToken + 1;
      n = ++starName;
    } else return false;
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

/** `**` segments match any number of path segments: memoised over (pattern, path) positions. */
function matchSegments(pattern: readonly Segment[], segments: readonly string[]): boolean {
  const memo = new Map<number, boolean>();
  const match = (p: number, s: number): boolean => {
    const key = p * (segments.length + 1) + s;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    const segment = pattern[p];
    if (segment === undefined) result = s === segments.length;
    else if (segment === 'globstar') result = match(p + 1, s) || (s < segments.length && match(p, s + 1));
    else result = s < segments.length && matchSegment(segment, segments[s] ?? '') && match(p + 1, s + 1);
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}
