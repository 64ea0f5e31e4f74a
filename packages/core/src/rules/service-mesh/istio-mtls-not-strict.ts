import type { Resource } from '../../model/resource';
import { asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { inSourceOrder, ISTIO_REF, isIstioResource, isNamespaceWide, isPeerAuthentication, mtlsMode } from '../../model/istio';

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

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
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
\`*.istio.io\` group) and reports once per run. It is satisfied by:

- a mesh-wide STRICT policy: every selector-less PeerAuthentication in the root namespace
  (\`istio-system\`, or the \`rootNamespace\` option) says \`STRICT\`; or
- namespace-wide STRICT policies, accepted only namespace by namespace: every namespace that
  holds an Istio object of the linted set, or is a Namespace labelled
  \`istio-injection: enabled\`, \`istio.io/rev\` or \`istio.io/dataplane-mode: ambient\`, has a
  selector-less PeerAuthentication that says \`STRICT\`. Namespaces added later are not covered,
  which is why the mesh-wide policy is the better fix.

The finding points at the mesh-wide PeerAuthentication when one exists but is not STRICT
(\`UNSET\` counts as \`PERMISSIVE\` there), otherwise at the first Istio object by file path and
document order. Objects without \`metadata.namespace\` are taken to be in \`default\`, or in
\`defaultNamespace\` from \`.k8s-lint.yaml\`. Lint the repository that holds the mesh's policies
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
    const istio = inSourceOrder(context.resources.filter(isIstioResource));
    const first = istio[0];
    if (!first) return;
    const namespaceOf = (resource: Resource): string => resource.namespaceOr(context.defaultNamespace);
    const { rootNamespace } = context.options;

    // Selector-less policies per namespace; the root namespace's are the mesh-wide ones.
    const namespaceWide = new Map<string, Resource[]>();
    for (const resource of istio) {
      if (!isPeerAuthentication(resource) || !isNamespaceWide(resource)) continue;
      const list = namespaceWide.get(namespaceOf(resource)) ?? [];
      list.push(resource);
      namespaceWide.set(namespaceOf(resource), list);
    }
    // Several selector-less policies in one namespace: Istio keeps the oldest, which a linter cannot know.
    const strictIn = (namespace: string): boolean => {
      const policies = namespaceWide.get(namespace) ?? [];
      return policies.length > 0 && policies.every((policy) => mtlsMode(policy) === 'STRICT');
    };
    if (strictIn(rootNamespace)) return;

    const meshNamespaces = new Set(istio.map(namespaceOf));
    for (const resource of context.resources) {
      if (enrolledInMesh(resource) && resource.name !== null) meshNamespaces.add(resource.name);
    }
    const uncovered = [...meshNamespaces].filter((namespace) => !strictIn(namespace)).sort();
    if (uncovered.length === 0) return;

    const meshWide = (namespaceWide.get(rootNamespace) ?? []).find((policy) => mtlsMode(policy) !== 'STRICT');
    const detail = `namespaces without a namespace-wide STRICT PeerAuthentication: ${quoted(uncovered)}`;
    if (meshWide) {
      const mode = mtlsMode(meshWide);
      const shown = mode === undefined || mode === 'UNSET' ? '"UNSET" (PERMISSIVE)' : `"${mode}"`;
      context.report(meshWide, ['spec', 'mtls', 'mode'], `the mesh-wide mTLS mode is ${shown}, not STRICT; ${detail}`);
      return;
    }
    context.report(first, ['apiVersion'], `no mesh-wide STRICT PeerAuthentication in root namespace "${rootNamespace}"; ${detail}`);
  },
};
