import type { Resource } from '../model/resource';
import { asName, asRecord, asString } from '../values';

/** Kinds whose resource name is not the API server's guess from the kind (meta.UnsafeGuessKindToResource). */
const IRREGULAR: Readonly<Record<string, string>> = { Endpoints: 'endpoints' };

/** The group, version and resource (plural) an object is admitted as. */
export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * Kind → resource, as the API server names it: the CustomResourceDefinitions of the set say
 * their plural; built-in kinds follow the API server's own guess (lower case, then `s`, `es` or
 * `ies`), with the few exceptions listed.
 */
export class ResourceNames {
  private readonly declared = new Map<string, string>();

  constructor(resources: readonly Resource[]) {
    for (const resource of resources) {
      if (resource.kind !== 'CustomResourceDefinition') continue;
      const spec = asRecord(resource.object.spec);
      const names = asRecord(spec?.names);
      const group = asName(spec?.group);
      const kind = asString(names?.kind);
      const plural = asName(names?.plural);
      if (group === undefined || !kind || !plural) continue;
      this.declared.set(`${group}/${kind}`, plural);
    }
  }

  of(resource: Resource): GroupVersionResource {
    const { group, version } = splitApiVersion(resource.apiVersion);
    return { group, version, resource: this.declared.get(`${group}/${resource.kind}`) ?? guessResource(resource.kind) };
  }

}

export function guessResource(kind: string): string {
  const irregular = IRREGULAR[kind];
  if (irregular) return irregular;
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}
