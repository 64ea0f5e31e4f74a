import type { Resource } from '../model/resource';
import { asRecord, type JsonRecord } from '../values';

type ByKind = Record<string, JsonRecord[]>;

/** The kinds the expressions of a configuration look up in `objects` and `objectsInNamespace`. */
export interface KindsUsed {
  /** Named literally: `objects.Kind`, `objects["Kind"]`. */
  kinds: readonly string[];
  /** Some expression uses the maps otherwise (`objects[variable]`, `objects.all(...)`): every kind is needed. */
  all: boolean;
}

/**
 * The objects of a run as custom rules' expressions see them, built once per run and shared by
 * every custom rule, so that a lookup is a map access rather than a scan of every object:
 *
 * - `objects[kind]`: every object of that kind in the run, context objects included;
 * - `objectsInNamespace[kind]`: those in the namespace the checked object lands in, grouped by
 *   `Resource.namespaceKey` as the built-in cross-object rules group them (objects of an unknown
 *   namespace meet only those of the same tree; cluster-scoped objects meet each other);
 * - `namespaceObject`: the Namespace object of that namespace, when it is in the run.
 *
 * Both maps hold the kinds the expressions name (an empty list when the run has none, so that
 * `objectsInNamespace.ServiceAccount` never fails for lack of one) and, when an expression uses
 * them otherwise, every kind of the run. Only what is held is converted for CEL.
 */
export class ObjectsIndex {
  private readonly byKind: ByKind = {};
  private readonly byNamespace = new Map<string, Resource[]>();
  private readonly namespaceViews = new Map<string, ByKind>();
  private readonly namespaces = new Map<string, JsonRecord>();
  private readonly plain = new WeakMap<Resource, JsonRecord>();

  constructor(resources: readonly Resource[], used: KindsUsed) {
    const wanted = new Set(used.kinds);
    for (const kind of used.kinds) listOf(this.byKind, kind);
    for (const resource of resources) {
      if (resource.kind === 'Namespace' && resource.apiVersion === 'v1' && resource.name !== null && !this.namespaces.has(resource.name)) {
        this.namespaces.set(resource.name, this.objectOf(resource));
      }
      if (resource.kind === '' || !(used.all || wanted.has(resource.kind))) continue;
      listOf(this.byKind, resource.kind).push(this.objectOf(resource));
      const group = this.byNamespace.get(resource.namespaceKey);
      if (group) group.push(resource);
      else this.byNamespace.set(resource.namespaceKey, [resource]);
    }
  }

  /** `objects`: the objects of the run by kind. */
  get all(): Readonly<ByKind> {
    return this.byKind;
  }

  /**
   * The object as plain data, as the API server would see it: with the namespace it lands in
   * (from a kustomization or `defaultNamespace`) written in `metadata.namespace` when known.
   */
  objectOf(resource: Resource): JsonRecord {
    const cached = this.plain.get(resource);
    if (cached) return cached;
    const { namespace, source } = resource.placement;
    const metadata = asRecord(resource.object.metadata);
    const placed = namespace !== null && source !== 'manifest' && source !== null && resource.namespaceKey !== '' && metadata?.namespace !== namespace;
    const object = placed ? { ...resource.object, metadata: { ...metadata, namespace } } : resource.object;
    this.plain.set(resource, object);
    return object;
  }

  /** `objectsInNamespace` for an object: built once per namespace. */
  inNamespaceOf(resource: Resource): Readonly<ByKind> {
    const key = resource.namespaceKey;
    const cached = this.namespaceViews.get(key);
    if (cached) return cached;
    const view: ByKind = {};
    for (const kind of Object.keys(this.byKind)) listOf(view, kind);
    for (const member of this.byNamespace.get(key) ?? []) listOf(view, member.kind).push(this.objectOf(member));
    this.namespaceViews.set(key, view);
    return view;
  }

  /** The Namespace object the resource lands in, or null (not in the run, unknown, cluster-scoped). */
  namespaceObjectOf(resource: Resource): JsonRecord | null {
    const { namespace } = resource.placement;
    if (namespace === null || resource.namespaceKey !== namespace) return null;
    return this.namespaces.get(namespace) ?? null;
  }
}

/** The list of a kind, made if absent: an own property whatever the kind's text (`__proto__`, `constructor`). */
function listOf(byKind: ByKind, kind: string): JsonRecord[] {
  if (Object.prototype.hasOwnProperty.call(byKind, kind)) return byKind[kind] as JsonRecord[];
  const list: JsonRecord[] = [];
  Object.defineProperty(byKind, kind, { value: list, enumerable: true, writable: true, configurable: true });
  return list;
}

const MAPS = /(?<![\w.$])(?:objects|objectsInNamespace)(?![\w$])/g;
const NAMED_KIND = /^\s*(?:\.\s*([A-Za-z_]\w*)|\[\s*(?:"([^"\\]+)"|'([^'\\]+)')\s*\])/;

/**
 * The kinds expressions look up in `objects` and `objectsInNamespace`: those named as
 * `objects.Kind` or `objects["Kind"]`, and whether some use is anything else (then every kind).
 */
export function kindsUsedIn(expressions: readonly string[]): KindsUsed {
  const kinds = new Set<string>();
  let all = false;
  for (const expression of expressions) {
    for (const found of expression.matchAll(MAPS)) {
      const named = NAMED_KIND.exec(expression.slice((found.index ?? 0) + found[0].length));
      const kind = named?.[1] ?? named?.[2] ?? named?.[3];
      // `objects.all(...)`, `objects.exists(...)`: a macro over the map, not a kind.
      if (kind === undefined || /^\s*\.\s*(all|exists|exists_one|map|filter)\s*\(/.test(expression.slice((found.index ?? 0) + found[0].length))) all = true;
      else kinds.add(kind);
    }
  }
  return { kinds: [...kinds], all };
}
