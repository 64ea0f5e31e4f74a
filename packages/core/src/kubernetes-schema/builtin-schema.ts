import type { FieldPath } from '../types';
import { asRecord } from '../values';
import type { BundledSchema, SchemaNode } from './bundled-schemas';

export interface SchemaProblem {
  path: FieldPath;
  message: string;
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
const ENUM_VALUES_SHOWN = 10;

function oneOf(values: readonly string[]): string {
  const shown = values.slice(0, ENUM_VALUES_SHOWN).map((value) => `"${value}"`);
  return values.length > ENUM_VALUES_SHOWN ? `${shown.join(', ')}, ...` : shown.join(', ');
}

/** Validates objects of the built-in kinds against one bundled Kubernetes version. */
export class BuiltinSchema {
  constructor(readonly schema: BundledSchema) {}

  /** `v1.36`: for messages. */
  get version(): string {
    return this.schema.kubernetesVersion;
  }

  /** Root schema of a built-in `apiVersion` + `kind` of this version, or undefined when it serves no such kind. */
  rootOf(apiVersion: string, kind: string): SchemaNode | undefined {
    const id = this.schema.kinds[`${apiVersion}/${kind}`];
    return id === undefined ? undefined : { ref: id };
  }

  /** Validates `value` against `node`; pushes one problem per bad field (never throws). */
  validate(value: unknown, node: SchemaNode, path: FieldPath, problems: SchemaProblem[]): void {
    // null means "unset" to the API server (kubectl output, Helm-rendered empty values).
    if (value === null || value === undefined || node === 'any') return;
    const where = fieldName(path);
    const wrongType = (expected: string): void => {
      problems.push({ path, message: `${where} must be ${expected}, not ${describe(value)}` });
    };
    if (typeof node === 'string') return this.validateScalar(value, node, path, problems, wrongType);
    if ('ref' in node) {
      const target = this.schema.definitions[node.ref];
      if (target !== undefined) this.validate(value, target, path, problems);
      return;
    }
    if ('enum' in node) {
      if (typeof value !== 'string') return wrongType('a string');
      // "" is Go's zero value: the same as leaving the field out. `${VAR}`: Flux substitutes it later.
      if (value !== '' && !value.includes('${') && !node.enum.includes(value)) problems.push({ path, message: `${where} must be one of ${oneOf(node.enum)}, not "${value}"` });
      return;
    }
    if ('array' in node) {
      if (!Array.isArray(value)) return wrongType('an array');
      value.forEach((item: unknown, index) => this.validate(item, node.array, [...path, index], problems));
      return;
    }
    const record = asRecord(value);
    if (!record) return wrongType('an object');
    if ('map' in node) {
      for (const [key, item] of Object.entries(record)) this.validate(item, node.map, [...path, key], problems);
      return;
    }
    for (const name of node.required ?? []) {
      if (record[name] === undefined || record[name] === null) problems.push({ path, message: `required field "${name}" is missing from ${where}` });
    }
    for (const [key, item] of Object.entries(record)) {
      // `$patch`, `$retainKeys`...: strategic-merge-patch directives of kustomize patches.
      if (key.startsWith('$')) continue;
      const property = node.object[key];
      // Fields come and go between Kubernetes versions: the message says which one judged.
      if (property === undefined) problems.push({ path: [...path, key], message: `unknown field "${key}"${path.length ? ` in ${where}` : ''} (Kubernetes ${this.version})` });
      else this.validate(item, property, [...path, key], problems);
    }
  }

  private validateScalar(value: unknown, node: SchemaNode & string, path: FieldPath, problems: SchemaProblem[], wrongType: (expected: string) => void): void {
    const where = fieldName(path);
    const fraction = (expected: string): void => {
      problems.push({ path, message: `${where} must be ${expected}, not ${String(value)}` });
    };
    switch (node) {
      case 'string':
        if (typeof value !== 'string') wrongType('a string');
        return;
      case 'integer':
        if (typeof value !== 'number') wrongType('a number');
        else if (!Number.isInteger(value)) fraction('an integer');
        return;
      case 'number':
        if (typeof value !== 'number') wrongType('a number');
        return;
      case 'boolean':
        if (typeof value !== 'boolean') wrongType('a boolean');
        return;
      case 'int-or-string':
        if (typeof value === 'number') {
          if (!Number.isInteger(value)) fraction('an integer or a string');
        } else if (typeof value !== 'string') wrongType('an integer or a string');
        return;
      case 'quantity':
        if (typeof value === 'number') return;
        if (typeof value !== 'string') wrongType('a quantity (such as "500m" or "1Gi")');
        // `${VAR}`: Flux post-build substitution, filled in before the object reaches the cluster.
        else if (!NUMERIC_QUANTITY.test(value.trim()) && !value.includes('${')) problems.push({ path, message: `${where} is not a valid quantity: "${value}"` });
        return;
      case 'any':
        return;
    }
  }
}
