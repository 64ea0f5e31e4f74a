import { celMethod, CelScalar, listType } from '@bufbuild/cel';
import type { CelFunc } from '@bufbuild/cel';
import { RE2JS } from '@bufbuild/re2';

const { STRING, INT } = CelScalar;

/** The compiled program of @bufbuild/re2 (its matcher only answers yes or no). */
interface Inst {
  op: number;
  out: number;
  arg: number;
  matchRune(r: number): boolean;
}
interface Prog {
  inst: Inst[];
  start: number;
}
// Instruction codes of @bufbuild/re2's Inst.
const ALT = 1, ALT_MATCH = 2, CAPTURE = 3, EMPTY_WIDTH = 4, MATCH = 6, NOP = 7, RUNE = 8, RUNE1 = 9, RUNE_ANY = 10, RUNE_ANY_NOT_NL = 11;

const isWord = (r: number) => (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || (r >= 0x30 && r <= 0x39) || r === 0x5f;

/** RE2's zero-width flags at `pos`: begin/end of line and text, word boundary. */
function context(text: string, pos: number): number {
  const before = pos > 0 ? (text.codePointAt(pos - 1) ?? -1) : -1;
  const after = pos < text.length ? (text.codePointAt(pos) ?? -1) : -1;
  let op = 0;
  if (before < 0) op |= 0x04 | 0x01;
  if (before === 0x0a) op |= 0x01;
  if (after < 0) op |= 0x08 | 0x02;
  if (after === 0x0a) op |= 0x02;
  return op | (isWord(before) !== isWord(after) ? 0x10 : 0x20);
}

/**
 * Leftmost-first match at or after `from` (Go's regexp semantics): a Pike VM over RE2's
 * program, linear in the text, threads in priority order, each carrying its start.
 */
function search(prog: Prog, text: string, from: number): [number, number] | undefined {
  let clist: Array<{ pc: number; start: number }> = [];
  let nlist: Array<{ pc: number; start: number }> = [];
  let seen = new Set<number>();
  const add = (list: typeof clist, pc: number, start: number, ctx: number) => {
    if (seen.has(pc)) return;
    seen.add(pc);
    const inst = prog.inst[pc] as Inst;
    switch (inst.op) {
      case ALT:
      case ALT_MATCH:
        add(list, inst.out, start, ctx);
        add(list, inst.arg, start, ctx);
        return;
      case NOP:
      case CAPTURE:
        add(list, inst.out, start, ctx);
        return;
      case EMPTY_WIDTH:
        if ((inst.arg & ~ctx) === 0) add(list, inst.out, start, ctx);
        return;
      default:
        list.push({ pc, start });
    }
  };
  let matched: [number, number] | undefined;
  for (let pos = from; ; ) {
    if (matched === undefined) add(clist, prog.start, pos, context(text, pos));
    if (clist.length === 0 && matched !== undefined) break;
    const rune = pos < text.length ? (text.codePointAt(pos) as number) : -1;
    const width = rune > 0xffff ? 2 : 1;
    seen = new Set();
    const nextCtx = context(text, pos + width);
    for (const thread of clist) {
      const inst = prog.inst[thread.pc] as Inst;
      if (inst.op === MATCH) {
        matched = [thread.start, pos];
        break; // lower-priority threads lose to this match
      }
      const ok =
        rune >= 0 &&
        (inst.op === RUNE_ANY ||
          (inst.op === RUNE_ANY_NOT_NL && rune !== 0x0a) ||
          ((inst.op === RUNE || inst.op === RUNE1) && inst.matchRune(rune)));
      if (ok) add(nlist, inst.out, thread.start, nextCtx);
    }
    if (pos >= text.length) break;
    [clist, nlist] = [nlist, []];
    pos += width;
  }
  return matched;
}

const programs = new Map<string, Prog>();
function program(pattern: string): Prog {
  let prog = programs.get(pattern);
  if (prog === undefined) {
    try {
      prog = (RE2JS.compile(pattern).re2() as unknown as { prog: Prog }).prog;
    } catch (error) {
      throw new Error(`Illegal regex: ${(error as Error).message}`);
    }
    if (programs.size > 1000) programs.clear();
    programs.set(pattern, prog);
  }
  return prog;
}

/** Go's FindAllString: successive matches; an empty match right after a match is skipped. */
export function findAll(text: string, pattern: string, limit: number): string[] {
  const prog = program(pattern);
  const out: string[] = [];
  let prevEnd = -1;
  for (let pos = 0; (limit < 0 || out.length < limit) && pos <= text.length; ) {
    const m = search(prog, text, pos);
    if (m === undefined) break;
    const [start, end] = m;
    if (end === start) {
      const rune = text.codePointAt(start);
      pos = start + (rune !== undefined && rune > 0xffff ? 2 : 1);
      if (start === prevEnd) {
        prevEnd = end;
        continue;
      }
    } else {
      pos = end;
    }
    prevEnd = end;
    out.push(text.slice(start, end));
  }
  return out;
}

/** Kubernetes regex library: find and findAll, RE2 syntax and leftmost-first semantics. */
export const REGEX: CelFunc[] = [
  celMethod('find', STRING, [STRING], STRING, function (this: string, pattern) {
    return findAll(this, pattern, 1)[0] ?? '';
  }),
  celMethod('findAll', STRING, [STRING], listType(STRING), function (this: string, pattern) {
    return findAll(this, pattern, -1);
  }),
  celMethod('findAll', STRING, [STRING, INT], listType(STRING), function (this: string, pattern, limit) {
    return findAll(this, pattern, Number(limit));
  }),
];
