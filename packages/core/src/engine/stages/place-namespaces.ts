import path from 'node:path';
import type { Inclusion, KustomizationTree } from '../../load/kustomization-tree';
import { displayPathOf, STDIN_PATH } from '../../load/inputs';
import { isInsideDirectory, repositoryRootOf } from '../../load/repository';
import { isClusterScoped } from '../../model/cluster-scoped';
import { clusterPlacement, knownPlacement, unappliedPlacement, unknownPlacement, type Placement } from '../../model/placement';
import type { Resource } from '../../model/resource';

export interface PlacementInputs {
  tree: KustomizationTree;
  /** `defaultNamespace` from the configuration: the namespace of objects nothing else places. */
  defaultNamespace: string | null;
  cwd: string;
  /** Display paths of rendered output (`... (kustomize build)`), whose namespaces the renderer set. */
  renderedFiles: ReadonlySet<string>;
}

/**
 * Stage "place": the namespace each object lands in, and why (model/placement.ts). In order: a
 * cluster-scoped kind is in none; the kustomizations that apply the file (the outermost
 * `namespace:` wins, as in kustomize) when every root that applies it agrees; the manifest's own
 * `metadata.namespace`; `defaultNamespace`; else unknown, shared only with the objects of the
 * same root kustomization or, outside kustomizations, of the same top directory of the repository.
 */
export function placeNamespaces(resources: readonly Resource[], inputs: PlacementInputs): void {
  const trees = new TopDirectories(inputs.cwd);
  for (const resource of resources) resource.placement = placementOf(resource, inputs, trees);
}

function placementOf(resource: Resource, inputs: PlacementInputs, trees: TopDirectories): Placement {
  const written = resource.namespace;
  if (inputs.renderedFiles.has(resource.file)) {
    return written === null ? unknownPlacement(`the unset namespace of the output of ${renderedName(resource.file)}`, null) : knownPlacement(written, null);
  }
  if (isClusterScoped(resource.apiVersion, resource.kind)) return clusterPlacement(written);
  const inclusions = inputs.tree.inclusionsOf(resource.file);
  if (inclusions.length > 0) return byKustomizations(inclusions, written, inputs.defaultNamespace);
  const owner = inputs.tree.unappliedOwnerOf(resource.file);
  if (owner) {
    const what = `${owner.isComponent ? 'Component' : 'kustomization'} ${owner.file} (applied by no kustomization)`;
    if (owner.namespace !== null) return unappliedPlacement(owner.namespace, `kustomization:${owner.file}`, what);
    return unappliedPlacement(written, written === null ? 'unknown' : 'manifest', what);
  }
  if (written !== null) return knownPlacement(written, 'manifest');
  if (inputs.defaultNamespace !== null) return knownPlacement(inputs.defaultNamespace, 'config');
  if (resource.file === STDIN_PATH) return unknownPlacement('the unset namespace of standard input');
  return unknownPlacement(`the unset namespace of directory "${trees.of(resource.file)}"`);
}

function byKustomizations(inclusions: readonly Inclusion[], written: string | null, defaultNamespace: string | null): Placement {
  const given = inclusions.map((inclusion) =>
    inclusion.namespace ? knownPlacement(inclusion.namespace.name, `kustomization:${inclusion.namespace.file}`) : written === null ? null : knownPlacement(written, 'manifest'),
  );
  const first = given[0];
  if (first && given.every((placement) => placement?.namespace === first.namespace)) return first;
  const roots = inclusions.map((inclusion) => inclusion.root);
  const list = [...new Set(roots)].join(', ');
  if (given.every((placement) => placement === null)) {
    if (defaultNamespace !== null) return knownPlacement(defaultNamespace, 'config');
    return unknownPlacement(`the unset namespace of kustomization ${list}`);
  }
  return unknownPlacement(`the namespaces kustomizations ${list} give it`);
}

function renderedName(file: string): string {
  return file.replace(/ \((kustomize build|helm template)\)$/, '');
}

/**
 * The top directory of a file under its repository (the directory that holds `.git`; else the
 * working directory when the file is in it; else the file's own directory): the tree whose
 * objects share a namespace nobody set.
 */
class TopDirectories {
  private readonly roots = new Map<string, string>();

  constructor(private readonly cwd: string) {}

  of(file: string): string {
    const absolute = path.resolve(this.cwd, file);
    const directory = path.dirname(absolute);
    const root = this.rootOf(directory);
    const relative = path.relative(root, directory);
    const top = relative === '' ? root : path.join(root, relative.split(path.sep)[0] ?? '');
    return displayPathOf(this.cwd, top);
  }

  private rootOf(directory: string): string {
    let root = this.roots.get(directory);
    if (root === undefined) {
      const repository = repositoryRootOf(directory);
      root = repository ?? (isInsideDirectory(path.resolve(this.cwd), directory) ? path.resolve(this.cwd) : directory);
      this.roots.set(directory, root);
    }
    return root;
  }
}

