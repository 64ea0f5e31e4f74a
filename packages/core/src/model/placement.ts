import type { ObjectRef } from '../types';

/**
 * Why an object is in its namespace: its own `metadata.namespace`, the `namespace:` of a
 * kustomization that includes it (path of that kustomization file), `defaultNamespace` from the
 * configuration, or nothing (`unknown`).
 */
export type NamespaceSource = 'manifest' | 'config' | 'unknown' | `kustomization:${string}`;

/**
 * Where an object lands, as cross-object rules see it. `key` groups the objects that may meet:
 * the namespace's name when it is known; when it is not, a key private to the tree the object
 * comes from (its root kustomization, or its top directory), so that objects of unrelated trees
 * never meet in a namespace that nobody named. It never appears in a message.
 */
export interface Placement {
  /** The namespace given (null when unknown or cluster-scoped). */
  readonly namespace: string | null;
  /** Null for objects of rendered output: the renderer set their namespace, and findings map to sources. */
  readonly source: NamespaceSource | null;
  readonly key: string;
  /** For messages about an unknown namespace: `the unset namespace of directory "apps"`. */
  readonly description: string;
}

const UNKNOWN_PREFIX = '\u0000';

export function knownPlacement(namespace: string, source: NamespaceSource | null): Placement {
  return { namespace, source, key: namespace, description: `namespace "${namespace}"` };
}

/**
 * A namespace that is not known, shared only by the objects of one tree: `description` says which
 * (`the unset namespace of directory "apps"`) and is the key too.
 */
export function unknownPlacement(description: string, source: 'unknown' | null = 'unknown'): Placement {
  return { namespace: null, source, key: `${UNKNOWN_PREFIX}${description}`, description };
}

/**
 * An object that no root kustomization applies (only a Component nobody lists, say): whatever its
 * namespace, it meets only the objects of the same `tree`.
 */
export function unappliedPlacement(namespace: string | null, source: NamespaceSource, tree: string): Placement {
  const description = namespace === null ? `the unset namespace of ${tree}` : `namespace "${namespace}"`;
  return { namespace, source, key: `${UNKNOWN_PREFIX}${tree}`, description };
}

/** A cluster-scoped object: in no namespace, whatever a kustomization says (a written one is kept for its identity). */
export function clusterPlacement(written: string | null): Placement {
  return { namespace: written, source: 'manifest', key: '', description: 'no namespace' };
}

/** Whether a namespace key (Resource.namespaceKey) stands for an unknown namespace rather than a name. */
export function isUnknownKey(key: string): boolean {
  return key.startsWith(UNKNOWN_PREFIX);
}

/**
 * The namespace that identifies an object across runs (baselines, SARIF fingerprints): the one
 * written in the manifest, so that a kustomization or the configuration naming it later leaves
 * every key unchanged.
 */
export function identityNamespace(object: Pick<ObjectRef, 'namespace' | 'namespaceSource'>): string | null {
  return object.namespaceSource === undefined || object.namespaceSource === 'manifest' ? object.namespace : null;
}
