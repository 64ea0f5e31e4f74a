import { actionsOf, hasOpenAction, outputColumn, type ControlEffect } from './template-actions';

/**
 * The YAML structure a Helm template spells out literally, read line by line from indentation,
 * with every line whose output cannot be seen into (toYaml, include, templated keys) recorded
 * as a producer of the node it writes into. Only as good as the template's own indentation:
 * lookups treat anything a producer could have written as ambiguous.
 */
export interface OutlineNode {
  kind: 'document' | 'key' | 'item' | 'opaque';
  key: string | null;
  /** 0-based column of the key or dash; -1 for a document. */
  indent: number;
  /** 1-based line the node starts on; 0 for a document. */
  line: number;
  /** Text of that line. */
  text: string;
  /** 0-based column just after the key (ranges stop there when the value is a block). */
  keyEnd: number;
  hasInlineValue: boolean;
  children: OutlineNode[];
  producers: Producer[];
  /** Last line of the node's span (its own lines and the actions between them). */
  end: number;
}

export interface Producer {
  line: number;
  /** 0-based column where the producing text starts. */
  column: number;
  text: string;
  /** Column its output lines start at (`nindent N`), when known. */
  output: number | null;
}

export interface ControlMark {
  line: number;
  effects: ControlEffect[];
}

export interface Outline {
  documents: OutlineNode[];
  controls: ControlMark[];
}

interface LogicalLine {
  line: number;
  last: number;
  /** The physical lines of a multi-line action joined. */
  text: string;
}

const ITEM = /^-(\s+|$)/;
const KEY = /^(?:"([^"\\{}]*)"|'([^'{}]*)'|([\w./$-]+))\s*:(?=\s|$)/;
const BLOCK_SCALAR = /^[|>][-+1-9]*\s*(#.*)?$/;

/** The outline of a template; null when it defines named templates (their lines are not output in place). */
export function outlineOf(templateText: string): Outline | null {
  const outline: Outline = { documents: [], controls: [] };
  let stack: OutlineNode[] = [];
  let lastLine = 0;
  let blockScalarIndent: number | null = null;
  const closeAll = (): void => stack.forEach((node) => (node.end = lastLine));
  const startDocument = (line: number): void => {
    closeAll();
    const document = newNode('document', null, -1, line, '');
    outline.documents.push(document);
    stack = [document];
  };
  startDocument(0);
  for (const logical of logicalLines(templateText)) {
    const content = logical.text.trim();
    const indent = logical.text.length - logical.text.trimStart().length;
    if (blockScalarIndent !== null && (content === '' || indent > blockScalarIndent)) {
      lastLine = logical.last;
      continue;
    }
    blockScalarIndent = null;
    if (content === '' || content.startsWith('#')) continue;
    if (/^---(\s|$)/.test(logical.text)) {
      startDocument(logical.line);
      continue;
    }
    const actions = actionsOf(logical.text);
    if (actions.defines) return null;
    if (actions.effects.length > 0) outline.controls.push({ line: logical.line, effects: actions.effects });
    const literal = actions.actions.reduceRight((text, action) => text.slice(0, action.start) + text.slice(action.end), logical.text).trim();
    if (literal === '') {
      for (const action of actions.emitting) attribute(stack, { line: logical.line, column: action.start, text: logical.text, output: outputColumn(action) });
    } else {
      popTo(stack, indent, ITEM.test(content), lastLine);
      const parent = stack[stack.length - 1];
      const chain = nodesOf(content, indent, logical);
      const first = chain[0];
      if (parent && first) {
        if (first.kind === 'opaque') parent.producers.push({ line: logical.line, column: indent, text: logical.text, output: indent });
        else parent.children.push(first);
      }
      stack.push(...chain);
      const innermost = chain[chain.length - 1];
      if (innermost?.kind === 'key' && BLOCK_SCALAR.test(valueOf(innermost))) blockScalarIndent = innermost.indent;
      // Inline actions are scalars, unless they say where their lines go.
      for (const action of actions.emitting) {
        const output = outputColumn(action);
        if (output !== null) attribute(stack, { line: logical.line, column: action.start, text: logical.text, output });
      }
    }
    lastLine = logical.last;
  }
  closeAll();
  return outline;
}

function logicalLines(text: string): LogicalLine[] {
  const lines = text.split(/\r?\n/);
  const result: LogicalLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    let joined = lines[index] ?? '';
    while (hasOpenAction(joined) && index + 1 < lines.length) joined += `\n${lines[++index] ?? ''}`;
    result.push({ line, last: index + 1, text: joined });
  }
  return result;
}

function newNode(kind: OutlineNode['kind'], key: string | null, indent: number, line: number, text: string): OutlineNode {
  return { kind, key, indent, line, text, keyEnd: indent, hasInlineValue: false, children: [], producers: [], end: line };
}

/** The nodes a literal line opens, outermost first: `- name: x` is an item holding a key. */
function nodesOf(content: string, column: number, logical: LogicalLine): OutlineNode[] {
  const item = ITEM.exec(content);
  if (item) {
    const node = newNode('item', null, column, logical.line, logical.text);
    const rest = content.slice(item[0].length);
    if (rest === '') return [node];
    const inner = nodesOf(rest, column + item[0].length, logical);
    const first = inner[0];
    if (first?.kind === 'key' || first?.kind === 'item') {
      node.children.push(first);
      return [node, ...inner];
    }
    // A scalar entry (`- --verbose`, `- {{ .Values.arg }}`).
    node.hasInlineValue = true;
    if (rest.includes('{{')) node.producers.push({ line: logical.line, column: column + item[0].length, text: logical.text, output: null });
    return [node];
  }
  const key = KEY.exec(content);
  if (!key) return [newNode('opaque', null, column, logical.line, logical.text)];
  const node = newNode('key', key[1] ?? key[2] ?? key[3] ?? '', column, logical.line, logical.text);
  node.keyEnd = column + key[0].length - 1;
  const value = content.slice(key[0].length).trim();
  node.hasInlineValue = value !== '' && !value.startsWith('#');
  // A templated value (`securityContext: {{- toYaml . | nindent 12 }}`) writes whatever is below it.
  if (value.includes('{{')) node.producers.push({ line: logical.line, column: column + content.indexOf('{{'), text: logical.text, output: null });
  return [node];
}

function valueOf(node: OutlineNode): string {
  return node.text.slice(node.keyEnd + 1).trim();
}

/** A key with no value yet, or with `- ` entries at its own column (`containers:\n- name: a`). */
function acceptsCompactItems(node: OutlineNode): boolean {
  return node.kind === 'key' && !node.hasInlineValue && node.children.every((child) => child.kind === 'item');
}

function popTo(stack: OutlineNode[], indent: number, isItem: boolean, lastLine: number): void {
  while (stack.length > 1) {
    const top = stack[stack.length - 1];
    if (!top || top.indent < indent || (top.indent === indent && isItem && acceptsCompactItems(top))) return;
    top.end = lastLine;
    stack.pop();
  }
}

/**
 * A producer writes into the innermost open node indented less than its output; output of
 * unknown indentation could land in any open node.
 */
function attribute(stack: readonly OutlineNode[], producer: Producer): void {
  const column = producer.output;
  if (column === null) {
    for (const node of stack) node.producers.push(producer);
    return;
  }
  const owner = stack.filter((node) => node.indent < column).at(-1);
  owner?.producers.push(producer);
  for (const node of stack) if (node !== owner && node.indent === column && acceptsCompactItems(node)) node.producers.push(producer);
}
