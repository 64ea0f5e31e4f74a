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

/** Loaded on first use, and only the chosen version's file: runs without built-in kinds never pay for it. */
export function bundledSchema(version: KubernetesVersion): BundledSchema {
  let schema = loaded.get(version);
  if (!schema) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load of bundled data
    schema = require(`./kubernetes-${version}.json`) as BundledSchema;
    loaded.set(version, schema);
  }
  return schema;
}
