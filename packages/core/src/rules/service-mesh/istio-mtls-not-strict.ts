import { isUnknownKey } from '../../model/placement';
import type { Resource } from '../../model/resource';
import { asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { ISTIO_REF, isIstioResource, isNamespaceWide, isPeerAuthentication, mtlsMode } from '../../model/istio';
import { firstByKindAndName, namespaceAnchor, namespaceObjectsByName } from '../../model/namespace-anchor';
import { push, workloadPodsByNamespace } from '../../model/workload-index';

export interface MtlsNotStrictOptions {
  /** Istio's root namespace (`meshConfig.rootNamespace`): a selector-less policy there is mesh-wide. */
  rootNamespace: string;
}

/** Namespace labels that enrol its pods in an Istio mesh (sidecar injection or ambient mode). */
function enrolledInMesh(resource: Resource): boolean {
  if (resource.kind !== 'Namespace' || resource.apiVersion !== 'v1') return false;
  const labels = resource.labels;
  return (
    asString(labels['istio-injection']) === 'enabled' ||
    asString(labels['istio.io/rev']) !== undefined ||
    asString(labels['istio.io/dataplane-mode']) === 'ambient'
  );
}

/** `"shop", "web"`: known namespaces by name, unknown ones by their description. */
function listed(keys: readonly string[], describe: (key: string) => string): string {
  return keys.map((key) => (isUnknownKey(key) ? describe(key) : `"${key}"`)).join(', ');
}

/** `spec.mtls.mode` for messages: absent and UNSET inherit, which is PERMISSIVE at the top. */
function shownMode(policy: Resource): string {
  const mode = mtlsMode(policy);
  return mode === undefined || mode === 'UNSET' ? '"UNSET" (PERMISSIVE)' : `"${mode}"`;
}

export const istioMtlsNotStrict: Rule<MtlsNotStrictOptions> = {
  meta: {
    id: 'istio-mtls-not-strict',
    title: 'Istio mesh without STRICT mutual TLS',
    description:
      'The linted set configures Istio but has no mesh-wide STRICT PeerAuthentication, and not every mesh namespace has a namespace-wide STRICT one either.',
    severity: 'warning',
    category: 'service-mesh',
    tags: ['istio', 'mtls', 'encryption', 'nsa'],
    help: `Istio's default is \`PERMISSIVE\`: sidecars accept mutual TLS from other sidecars but
also plaintext from anyone, so a pod outside the mesh (or an attacker on the pod network) can
talk to every workload without an identity and read traffic on the wire. Only a
PeerAuthentication with \`mtls.mode: STRICT\` changes that. A policy without a selector (or with
empty \`matchLabels\`) in the root namespace applies to the whole mesh; the same policy in
another namespace applies to that namespace only.

The rule runs when the linted files contain any Istio object (an \`apiVersion\` in a
\`*.istio.io\` group). It is satisfied by:

- a mesh-wide STRICT policy: every selector-less PeerAuthentication in the root namespace
  (\`istio-system\`, or the \`rootNamespace\` option) says \`STRICT\`; or
- namespace-wide STRICT policies, accepted only namespace by namespace: every namespace that
  holds an Istio object of the linted set, or is a Namespace labelled
  \`istio-injection: enabled\`, \`istio.io/rev\` or \`istio.io/dataplane-mode: ambient\`, has a
  selector-less PeerAuthentication that says \`STRICT\`. Namespaces added later are not covered,
  which is why the mesh-wide policy is the better fix.

When the root namespace has a selector-less PeerAuthentication that is not STRICT (\`UNSET\`
counts as \`PERMISSIVE\` there), the rule reports once, at its \`spec.mtls.mode\`: that is the
one place to fix. Otherwise it reports each uncovered namespace at a place of its own, never at
an object of another namespace: its selector-less PeerAuthentication that is not STRICT; else
its \`Namespace\` object when the linted set holds it; else its first workload, or its first
Istio object when it runs none, by kind and name (never by file path, so renaming a file does
not move a finding). Namespaces are read as Kustomize sets them: an object without \`metadata.namespace\` takes the \`namespace:\` of the kustomizations that
apply it, else \`defaultNamespace\` from \`.k8s-lint.yaml\`; with neither its namespace is unknown
(not \`default\`) and it meets only objects of the same root kustomization or top directory
(README, "Namespaces"). Lint the repository that holds the mesh's policies
together with the workloads' configuration, or turn the rule off where the mesh-wide policy is
managed elsewhere.

**Fix:** add a mesh-wide STRICT policy (after checking that every client has a sidecar):

\`\`\`yaml
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: istio-system
spec:
  mtls:
    mode: STRICT
\`\`\``,
    references: [
      ISTIO_REF.mutualTls,
      ISTIO_REF.peerAuthentication,
      ISTIO_REF.securityBestPractices,
      REF.nsaHardening,
      REF.mitre('T1557', 'Adversary-in-the-Middle'),
      REF.mitre('T1040', 'Network Sniffing'),
    ],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { rootNamespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 } },
    },
  },
  defaultOptions: { rootNamespace: 'istio-system' },
  check(context) {
    const istio = context.resources.filter(isIstioResource);
    if (istio.length === 0) return;
    const namespaceOf = (resource: Resource): string => resource.namespaceKey;
    // Keys are for grouping; messages name a namespace by its description (model/placement.ts).
    const descriptions = new Map<string, string>();
    const describe = (key: string): string => descriptions.get(key) ?? `namespace "${key}"`;
    const { rootNamespace } = context.options;

    // Selector-less policies per namespace; the root namespace's are the mesh-wide ones.
    const namespaceWide = new Map<string, Resource[]>();
    const istioByNamespace = new Map<string, Resource[]>();
    for (const resource of istio) {
      descriptions.set(resource.namespaceKey, resource.namespaceDescription);
      push(istioByNamespace, namespaceOf(resource), resource);
      if (isPeerAuthentication(resource) && isNamespaceWide(resource)) push(namespaceWide, namespaceOf(resource), resource);
    }
    // Several selector-less policies in one namespace: Istio keeps the oldest, which a linter cannot know.
    const notStrictIn = (namespace: string): Resource[] => (namespaceWide.get(namespace) ?? []).filter((policy) => mtlsMode(policy) !== 'STRICT');
    const strictIn = (namespace: string): boolean => (namespaceWide.get(namespace) ?? []).length > 0 && notStrictIn(namespace).length === 0;
    if (strictIn(rootNamespace)) return;

    const meshNamespaces = new Set(istioByNamespace.keys());
    for (const resource of context.resources) {
      if (enrolledInMesh(resource) && resource.name !== null) meshNamespaces.add(resource.name);
    }
    const uncovered = [...meshNamespaces].filter((namespace) => !strictIn(namespace)).sort();
    if (uncovered.length === 0) return;

    // A mesh-wide policy that is not STRICT: the one place to fix, reported once.
    const meshWide = firstByKindAndName(notStrictIn(rootNamespace));
    if (meshWide) {
      const detail = `namespaces without a namespace-wide STRICT PeerAuthentication: ${listed(uncovered, describe)}`;
      context.report(meshWide, ['spec', 'mtls', 'mode'], `the mesh-wide mTLS mode is ${shownMode(meshWide)}, not STRICT; ${detail}`);
      return;
    }
    // No mesh-wide policy: each uncovered namespace at its own place, never at another namespace's.
    const noMeshWide = `and there is no mesh-wide STRICT PeerAuthentication in root namespace "${rootNamespace}"`;
    const workloads = workloadPodsByNamespace(context);
    const namespaceObjects = namespaceObjectsByName(context.resources);
    for (const namespace of uncovered) {
      const ownPolicy = firstByKindAndName(notStrictIn(namespace));
      if (ownPolicy) {
        context.report(ownPolicy, ['spec', 'mtls', 'mode'], `the namespace-wide mTLS mode of ${describe(namespace)} is ${shownMode(ownPolicy)}, not STRICT, ${noMeshWide}`);
        continue;
      }
      const pods = (workloads.get(namespace) ?? []).map((pod) => pod.resource);
      const anchor = namespaceAnchor(namespaceObjects.get(namespace), pods.length > 0 ? pods : (istioByNamespace.get(namespace) ?? []));
      if (!anchor) continue;
      context.report(anchor.target, anchor.path, `${describe(namespace)} has no namespace-wide STRICT PeerAuthentication, ${noMeshWide}`);
    }
  },
};
