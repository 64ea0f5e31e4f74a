import path from 'node:path';
import { isRemoteEntry, readKustomization } from '../render/kustomization';
import { compareStrings } from '../text/strings';
import { asArray, asName, asString } from '../values';
import { displayPathOf } from './inputs';

/** A kustomization as far as namespaces go: what it includes and the namespace it sets. */
interface Node {
  directory: string;
  /** Display path of the kustomization file. */
  file: string;
  namespace: string | null;
  isComponent: boolean;
  /** Local `resources` and `bases` entries, absolute: files or directories. */
  resources: string[];
  /** Local `components` entries, absolute directories. */
  components: string[];
}

/** How one root kustomization applies a file: the namespace it gives the file's objects, if any. */
export interface Inclusion {
  /** Display path of the root's directory. */
  root: string;
  /** Set by the outermost kustomization on the way that names one (kustomize's namespace transformer runs last there). */
  namespace: { name: string; file: string } | null;
}

/** The kustomization that lists a file when no root applies it (a Component nobody lists). */
export interface UnappliedOwner {
  file: string;
  isComponent: boolean;
  namespace: string | null;
}

/**
 * The kustomizations of a repository read without rendering, to tell which namespace each
 * manifest file's objects land in. Only kustomization files already found under the linted or
 * context trees are read (bounded, like every kustomization), and entries are followed only to
 * those: nothing outside is read, remote entries never. Roots are the kustomizations no other
 * one includes; a Component applies only through a kustomization that lists it.
 */
export class KustomizationTree {
  private readonly inclusions = new Map<string, Inclusion[]>();
  private readonly unapplied = new Map<string, UnappliedOwner>();

  constructor(kustomizationFiles: readonly string[], private readonly cwd: string) {
    const nodes = new Map<string, Node>();
    for (const file of [...new Set(kustomizationFiles)].sort(compareStrings)) {
      const node = readNode(path.dirname(file), cwd);
      if (node && !nodes.has(node.directory)) nodes.set(node.directory, node);
    }
    const included = new Set<string>();
    for (const node of nodes.values()) for (const target of [...node.resources, ...node.components]) if (nodes.has(target)) included.add(target);
    const reached = new Set<string>();
    for (const node of nodes.values()) {
      if (included.has(node.directory) || node.isComponent) continue;
      this.walkRoot(node, nodes, reached);
    }
    for (const node of nodes.values()) {
      if (reached.has(node.directory)) continue;
      for (const target of node.resources) {
        const file = displayPathOf(cwd, target);
        if (!nodes.has(target) && !this.inclusions.has(file) && !this.unapplied.has(file)) {
          this.unapplied.set(file, { file: node.file, isComponent: node.isComponent, namespace: node.namespace });
        }
      }
    }
    for (const list of this.inclusions.values()) list.sort((a, b) => compareStrings(a.root, b.root));
  }

  /** How each root that applies the file (display path) places its objects; empty when none does. */
  inclusionsOf(file: string): readonly Inclusion[] {
    return this.inclusions.get(file) ?? [];
  }

  /** The kustomization that lists the file when no root applies it. */
  unappliedOwnerOf(file: string): UnappliedOwner | undefined {
    return this.unapplied.get(file);
  }

  /** Everything `root` applies, each kustomization once per namespace it is reached with (so cycles end). */
  private walkRoot(root: Node, nodes: ReadonlyMap<string, Node>, reached: Set<string>): void {
    const rootDisplay = displayPathOf(this.cwd, root.directory);
    const seen = new Set<string>();
    const recorded = new Set<string>();
    const pending: Array<{ node: Node; outer: Inclusion['namespace'] }> = [{ node: root, outer: null }];
    for (let item = pending.pop(); item; item = pending.pop()) {
      const { node, outer } = item;
      const namespace = outer ?? (node.namespace === null ? null : { name: node.namespace, file: node.file });
      const visitKey = `${node.directory}\u0000${namespace?.name ?? ''}`;
      if (seen.has(visitKey)) continue;
      seen.add(visitKey);
      reached.add(node.directory);
      for (const target of node.resources) {
        const child = nodes.get(target);
        if (child) {
          // A Component listed as a resource is refused by kustomize; it applies nothing.
          if (!child.isComponent) pending.push({ node: child, outer: namespace });
          continue;
        }
        const file = displayPathOf(this.cwd, target);
        const recordKey = `${file}\u0000${namespace?.name ?? ''}\u0000${namespace?.file ?? ''}`;
        if (recorded.has(recordKey)) continue;
        recorded.add(recordKey);
        const list = this.inclusions.get(file);
        const inclusion = { root: rootDisplay, namespace };
        if (list) list.push(inclusion);
        else this.inclusions.set(file, [inclusion]);
      }
      for (const target of node.components) {
        const child = nodes.get(target);
        if (child?.isComponent) pending.push({ node: child, outer: namespace });
      }
    }
  }
}

function readNode(directory: string, cwd: string): Node | null {
  const kustomization = readKustomization(directory, cwd);
  if (!kustomization) return null;
  const { value } = kustomization;
  const local = (field: string): string[] =>
    asArray(value[field])
      .map(asString)
      .filter((entry): entry is string => entry !== undefined && entry.trim() !== '' && !isRemoteEntry(entry))
      .map((entry) => path.resolve(directory, entry));
  return {
    directory,
    file: kustomization.file,
    namespace: asName(value.namespace) || null,
    isComponent: value.kind === 'Component',
    resources: [...local('resources'), ...local('bases')],
    components: local('components'),
  };
}
