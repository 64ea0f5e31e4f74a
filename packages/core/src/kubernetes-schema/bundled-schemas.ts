import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KubernetesVersion } from './kubernetes-versions';

/** Compact schema node of the bundled files (see scripts/generate-kubernetes-schema.js). */
export type SchemaNode =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'any'
  | 'int-or-string'
  | 'quantity'
  | { ref: string }
  | { enum: string[] }
  | { array: SchemaNode }
  | { map: SchemaNode }
  | { object: Record<string, SchemaNode>; required?: string[] };

/** Why a kind of another version is not served: removed (with what replaces it), or newer. */
export interface UnservedKind {
  removedIn?: string;
  replacement?: string;
  /** The bundled versions that do serve it. */
  servedIn?: string[];
}

/** One kubernetes-1.N.json. Keys of `kinds` and `unserved` are `apiVersion/kind`. */
export interface BundledSchema {
  source: string;
  kubernetesVersion: string;
  kinds: Record<string, string>;
  unserved: Record<string, UnservedKind>;
  definitions: Record<string, SchemaNode>;
}

const loaded = new Map<KubernetesVersion, BundledSchema>();

/**
 * Loaded on first use, and only the chosen version's file: runs without built-in kinds never pay
 * for it. Read as data beside this module (src/, dist/, or the single-file bundle's directory,
 * where scripts/bundle.js puts them), so that the bundle does not compile them as code at start-up.
 */
export function bundledSchema(version: KubernetesVersion): BundledSchema {
  let schema = loaded.get(version);
  if (!schema) {
    schema = JSON.parse(readFileSync(path.join(__dirname, `kubernetes-${version}.json`), 'utf8')) as BundledSchema;
    loaded.set(version, schema);
  }
  return schema;
}
