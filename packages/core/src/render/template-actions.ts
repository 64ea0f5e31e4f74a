/** What Go template actions (`{{ ... }}`) in one line of a Helm template do, as far as the line's output is concerned. */

export type ControlEffect = 'open' | 'middle' | 'close';

export interface Action {
  /** Offset of `{{` in the line. */
  start: number;
  end: number;
  body: string;
  trimsLeft: boolean;
  trimsRight: boolean;
}

export interface LineActions {
  actions: Action[];
  /** if/range/with opening, else in between, end closing, in line order. */
  effects: ControlEffect[];
  /** Actions that write output (anything but control keywords, comments and assignments). */
  emitting: Action[];
  /** `define`/`block`: the lines inside are not output where they stand. */
  defines: boolean;
}

const ACTION = /\{\{(-?)([\s\S]*?)(-?)\}\}/g;
const OPENING = new Set(['if', 'range', 'with']);
const SILENT = new Set(['break', 'continue']);

export function actionsOf(text: string): LineActions {
  const result: LineActions = { actions: [], effects: [], emitting: [], defines: false };
  for (const match of text.matchAll(ACTION)) {
    const start = match.index;
    const action: Action = { start, end: start + match[0].length, body: (match[2] ?? '').trim(), trimsLeft: match[1] === '-', trimsRight: match[3] === '-' };
    result.actions.push(action);
    const word = /^[a-z]+/.exec(action.body)?.[0] ?? '';
    if (action.body.startsWith('/*') || SILENT.has(word) || /^\$\w*\s*:?=/.test(action.body)) continue;
    if (OPENING.has(word)) result.effects.push('open');
    else if (word === 'else') result.effects.push('middle');
    else if (word === 'end') result.effects.push('close');
    else if (word === 'define' || word === 'block') result.defines = true;
    else result.emitting.push(action);
  }
  return result;
}

/** Whether `text` holds a `{{` that is not closed on it (the action continues on the next line). */
export function hasOpenAction(text: string): boolean {
  return text.replace(ACTION, '').includes('{{');
}

/**
 * The column (0-based) at which an emitting action's output lines start, when the action says so
 * with `nindent N` (or `indent N` at the start of a line); null when that cannot be known.
 */
export function outputColumn(action: Action): number | null {
  const nindent = /\|\s*nindent\s+(\d+)$/.exec(action.body);
  if (nindent) return Number(nindent[1]);
  const indent = /\|\s*indent\s+(\d+)$/.exec(action.body);
  return indent && action.start === 0 && !action.trimsLeft ? Number(indent[1]) : null;
}

/**
 * Whether a rendered line can be the output of a template line: the literal text must be equal,
 * each action standing for any text (whitespace next to `{{-`/`-}}` is trimmed, as Go does).
 */
export function lineMatches(templateLine: string, renderedLine: string): boolean {
  const text = templateLine.trim();
  const { actions } = actionsOf(text);
  if (hasOpenAction(text)) return false;
  const literals: string[] = [];
  let offset = 0;
  for (const action of actions) {
    let literal = text.slice(offset, action.start);
    if (offset > 0 && actions.some((previous) => previous.end === offset && previous.trimsRight)) literal = literal.trimStart();
    if (action.trimsLeft) literal = literal.trimEnd();
    literals.push(literal);
    offset = action.end;
  }
  let tail = text.slice(offset);
  if (actions.at(-1)?.trimsRight) tail = tail.trimStart();
  literals.push(tail);
  return matchesWithWildcards(literals, renderedLine.trim());
}

/**
 * Whether `text` is literals[0] + any + literals[1] + any + ... + literals[n]. Taking each middle
 * literal at its leftmost place is always right for such patterns, so this is linear in the
 * text; a regular expression with one lazy wildcard per action backtracks exponentially on a
 * long line with many actions (templates are input: a hostile chart must not hang the run).
 */
function matchesWithWildcards(literals: readonly string[], text: string): boolean {
  const first = literals[0] ?? '';
  const last = literals[literals.length - 1] ?? '';
  if (literals.length === 1) return text === first;
  if (!text.startsWith(first) || text.length < first.length + last.length || !text.endsWith(last)) return false;
  let position = first.length;
  const end = text.length - last.length;
  for (const literal of literals.slice(1, -1)) {
    const found = text.indexOf(literal, position);
    if (found < 0 || found + literal.length > end) return false;
    position = found + literal.length;
  }
  return true;
}
