/**
 * What a TypeScript or JavaScript file loads and which network globals it touches, read from its
 * syntax tree (strings and comments that merely mention `http` or `fetch` do not count).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ModuleLoad {
  /** The module specifier; null when it is not a string literal (a computed require or import). */
  specifier: string | null;
  how: 'import' | 'export-from' | 'import-equals' | 'require' | 'dynamic-import';
  /** 1-based line in the scanned file. */
  line: number;
  /**
   * In a bundle: the inlined module the load is in, from the name esbuild gives its wrapper
   * (`"node_modules/.../command.js"(exports) {...}`, `"packages/.../runner.ts"() {...}`); null
   * outside any wrapper.
   */
  module: string | null;
}

export interface GlobalUse {
  name: string;
  line: number;
}

/** Browser and Node globals that open connections. */
export const NETWORK_GLOBALS = new Set(['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'WebTransport', 'RTCPeerConnection']);

/** Methods that send a request whatever object they are reached through. */
const NETWORK_METHODS = new Set(['sendBeacon']);

/** Objects through which a global can be reached by property: `globalThis.fetch`. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'self', 'window']);

/** Internal bindings reach sockets without going through a module: `process.binding('tcp_wrap')`. */
const PROCESS_BINDINGS = new Set(['binding', '_linkedBinding']);

export interface Scan {
  loads: ModuleLoad[];
  globals: GlobalUse[];
}

function isPropertyNamePosition(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
    // `x.fetch` is some object's method, unless x is the global object.
    return !(ts.isIdentifier(parent.expression) && GLOBAL_OBJECTS.has(parent.expression.text));
  }
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodSignature(parent)) && parent.name === node) return true;
  if ((ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === node) return true;
  if (ts.isQualifiedName(parent) && parent.right === node) return true;
  return false;
}

const WRAPPED_MODULE = /^(node_modules|packages)\//;

/** The name of the innermost esbuild module wrapper around `node`, or null. */
function wrapperOf(node: ts.Node): string | null {
  for (let current = node.parent; current; current = current.parent) {
    if ((ts.isMethodDeclaration(current) || ts.isPropertyAssignment(current)) && ts.isStringLiteral(current.name) && WRAPPED_MODULE.test(current.name.text)) return current.name.text;
  }
  return null;
}

export function scanSource(fileName: string, text: string): Scan {
  const kind = /\.(c|m)?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, kind);
  const loads: ModuleLoad[] = [];
  const globals: GlobalUse[] = [];
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const literal = (node: ts.Node | undefined): string | null => (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null);
  const add = (specifier: string | null, how: ModuleLoad['how'], node: ts.Node): void => {
    loads.push({ specifier, how, line: lineOf(node), module: wrapperOf(node) });
  };

  const visit = (node: ts.Node): void => {
    // `import type` and `export type ... from` are erased: they load nothing.
    if (ts.isImportDeclaration(node)) {
      if (!node.importClause?.isTypeOnly) add(literal(node.moduleSpecifier), 'import', node);
    } else if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier && !node.isTypeOnly) add(literal(node.moduleSpecifier), 'export-from', node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(literal(node.moduleReference.expression), 'import-equals', node);
    else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(literal(node.arguments[0]), 'dynamic-import', node);
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') add(literal(node.arguments[0]), 'require', node);
      else if (ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'process' && PROCESS_BINDINGS.has(node.expression.name.text)) {
        globals.push({ name: `process.${node.expression.name.text}`, line: lineOf(node) });
      }
    } else if (ts.isPropertyAccessExpression(node) && NETWORK_METHODS.has(node.name.text)) {
      globals.push({ name: node.name.text, line: lineOf(node) });
    } else if (ts.isIdentifier(node) && NETWORK_GLOBALS.has(node.text) && !isPropertyNamePosition(node)) {
      globals.push({ name: node.text, line: lineOf(node) });
    } else if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && GLOBAL_OBJECTS.has(node.expression.text)) {
      const name = literal(node.argumentExpression);
      if (name === null || NETWORK_GLOBALS.has(name)) globals.push({ name: `${node.expression.text}[${name ?? '<computed>'}]`, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { loads, globals };
}

/** Every `.ts` file under `directory`, relative to the repository root, sorted. */
export function typeScriptFiles(repoRoot: string, directory: string): string[] {
  const files: string[] = [];
  const walk = (absolute: string): void => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const child = path.join(absolute, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && entry.name.endsWith('.ts')) files.push(path.relative(repoRoot, child).split(path.sep).join('/'));
    }
  };
  walk(path.join(repoRoot, directory));
  return files.sort();
}

export function scanFile(repoRoot: string, relative: string): Scan {
  return scanSource(relative, readFileSync(path.join(repoRoot, relative), 'utf8'));
}

/** `node:fs` and `fs` are the same module. */
export function bareName(specifier: string): string {
  return specifier.replace(/^node:/, '');
}

