import type { FieldPath } from '../../types';
import { asRecord } from '../../values';
// Type-only: puts the JSON in the compilation so that tsc copies it to dist/; loaded lazily below.
import type bundledFile from './kubernetes-schema.json';

/** Compact schema node of the bundled file (see scripts/generate-kubernetes-schema.js). */
export type SchemaNode =
  | 'string'
  | 'number'
  | 'boolean'
  | 'any'
  | 'int-or-string'
  | 'quantity'
  | { ref: string }
  | { array: SchemaNode }
  | { map: SchemaNode }
  | { object: Record<string, SchemaNode>; required?: string[] };

interface BundledSchema {
  source: string;
  kubernetesVersion: string;
  kinds: Record<string, string>;
  definitions: Record<string, SchemaNode>;
}

export interface SchemaProblem {
  path: FieldPath;
  message: string;
}

let bundled: BundledSchema | undefined;

// Checks at compile time that the generated file has the shape read here.
export type BundledFile = typeof bundledFile extends { source: string; kubernetesVersion: string } ? BundledSchema : never;

/** Loaded on first use only, so that runs without built-in kinds never pay for it. */
function schema(): BundledSchema {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load of bundled data
  bundled ??= require('./kubernetes-schema.json') as BundledSchema;
  return bundled;
}

export function bundledKubernetesVersion(): string {
  return schema().kubernetesVersion;
}

/** Root schema of a built-in `apiVersion` + `kind`, or undefined when the kind is not built in. */
export function builtinSchemaFor(apiVersion: string, kind: string): SchemaNode | undefined {
  const id = schema().kinds[`${apiVersion}/${kind}`];
  return id === undefined ? undefined : { ref: id };
}

/** `"image"`, or `"containers[0]"` for an array item, or `the object` at the root: for messages. */
export function fieldName(path: FieldPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the object';
  if (typeof last === 'number') return `"${String(path[path.length - 2] ?? '')}[${last}]"`;
  return `"${last}"`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const NUMERIC_QUANTITY = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+|[KMGTPE]i?|[numkMGTPE])?$/;

/** Validates `value` against `node`; pushes one problem per bad field (never throws). */
export function validateNode(value: unknown, node: SchemaNode, path: FieldPath, problems: SchemaProblem[]): void {
  // null means "unset" to the API server (kubectl output, Helm-rendered empty values).
  if (value === null || value === undefined || node === 'any') return;
  const where = fieldName(path);
  const wrongType = (expected: string): void => {
    problems.push({ path, message: `${where} must be ${expected}, not ${describe(value)}` });
  };
  if (typeof node === 'string') {
    if (node === 'string' && typeof value !== 'string') wrongType('a string');
    else if (node === 'number' && typeof value !== 'number') wrongType('a number');
    else if (node === 'boolean' && typeof value !== 'boolean') wrongType('a boolean');
    else if (node === 'int-or-string' && typeof value !== 'number' && typeof value !== 'string') wrongType('an integer or a string');
    else if (node === 'quantity') {
      if (typeof value === 'number') return;
      if (typeof value !== 'string') wrongType('a quantity (such as "500m" or "1Gi")');
      // `${VAR}`: Flux post-build substitution, filled in before the object reaches the cluster.
      else if (!NUMERIC_QUANTITY.test(value.trim()) && !value.includes('${')) problems.push({ path, message: `${where} is not a valid quantity: "${value}"` });
    }
    return;
  }
  if ('ref' in node) {
    const target = schema().definitions[node.ref];
    if (target !== undefined) validateNode(value, target, path, problems);
    return;
  }
  if ('array' in node) {
    if (!Array.isArray(value)) return wrongType('an array');
    value.forEach((item: unknown, index) => validateNode(item, node.array, [...path, index], problems));
    return;
  }
  const record = asRecord(value);
  if (!record) return wrongType('an object');
  if ('map' in node) {
    for (const [key, item] of Object.entries(record)) validateNode(item, node.map, [...path, key], problems);
    return;
  }
  for (const name of node.required ?? []) {
    if (record[name] === undefined || record[name] === null) problems.push({ path, message: `required field "${name}" is missing from ${where}` });
  }
  for (const [key, item] of Object.entries(record)) {
    // `$patch`, `$retainKeys`...: strategic-merge-patch directives of kustomize patches.
    if (key.startsWith('$')) continue;
    const property = node.object[key];
    if (property === undefined) problems.push({ path: [...path, key], message: `unknown field "${key}"${path.length ? ` in ${where}` : ''}` });
    else validateNode(item, property, [...path, key], problems);
  }
}
