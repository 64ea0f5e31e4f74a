import { isClusterScoped } from '../model/cluster-scoped';
import type { Resource } from '../model/resource';
import { selectorMatches } from '../model/selector';
import type { Admitted } from './match-resources';
import type { AdmissionBinding, AdmissionPolicy } from './policy-model';

/** The params a binding gives an object: each is evaluated; `denied` and `error` are reported; `unknown` stays quiet. */
export type ParamsOutcome = { params: unknown[] } | { denied: string } | { error: string } | { unknown: true };

/** The objects of the set by apiVersion and kind, so that finding params costs no scan of the set. */
export class ParamIndex {
  private readonly byKind = new Map<string, Resource[]>();

  constructor(resources: readonly Resource[], kinds: ReadonlySet<string>) {
    for (const resource of resources) {
      const key = kindKey(resource.apiVersion, resource.kind);
      if (!kinds.has(key)) continue;
      const list = this.byKind.get(key);
      if (list) list.push(resource);
      else this.byKind.set(key, [resource]);
    }
  }

  of(apiVersion: string, kind: string): readonly Resource[] {
    return this.byKind.get(kindKey(apiVersion, kind)) ?? [];
  }
}

export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}\u0000${kind}`;
}

/**
 * The params of a binding for one object, as the API server looks them up: `paramRef.name` or
 * `paramRef.selector` among the objects of the policy's `paramKind`, in `paramRef.namespace`
 * or else the object's own namespace (none for a cluster-scoped kind).
 */
export function paramsFor(policy: AdmissionPolicy, binding: AdmissionBinding, admitted: Admitted, index: ParamIndex): ParamsOutcome {
  const kind = policy.paramKind;
  if (!kind) return { params: [null] };
  const ref = binding.paramRef;
  if (!ref) return { error: `the policy's paramKind is ${kind.kind} (${kind.apiVersion}) but the binding has no paramRef` };
  const clusterScopedKind = isClusterScoped(kind.apiVersion, kind.kind);
  const namespace = clusterScopedKind ? null : (ref.namespace ?? admitted.namespace);
  if (!clusterScopedKind && namespace === null) {
    if (admitted.clusterScoped) return { error: 'paramRef has no namespace, and the object is cluster-scoped' };
    return { unknown: true };
  }
  const inNamespace = index.of(kind.apiVersion, kind.kind).filter((resource) => clusterScopedKind || resource.placement.namespace === namespace);
  const found = ref.name !== null ? inNamespace.filter((resource) => resource.name === ref.name) : inNamespace.filter((resource) => selectorMatches(ref.selector ?? {}, resource.labels));
  if (found.length > 0) return { params: found.map((resource) => resource.object) };
  if (ref.parameterNotFoundAction === 'Allow') return { params: [] };
  const what = ref.name !== null ? `${kind.kind} "${ref.name}"` : `${kind.kind} selected by paramRef.selector`;
  return { denied: `no params found for policy binding with \`Deny\` parameterNotFoundAction (no ${what}${namespace === null ? '' : ` in namespace "${namespace}"`})` };
}
