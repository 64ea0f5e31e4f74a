import type { Resource } from '../../model/resource';
import { asRecord, asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { ISTIO_REF, isNamespaceWide, isPeerAuthentication, specOf } from '../../model/istio';

/** Modes that let a workload accept plaintext. UNSET (or absent) inherits from the parent policy. */
const WEAK_MODES = new Set(['PERMISSIVE', 'DISABLE']);

function scopeOf(policy: Resource): string {
  if (!isNamespaceWide(policy)) return 'the selected workloads';
  // Istio's default root namespace: a policy without selector there is the mesh-wide default.
  if (policy.placement.namespace === 'istio-system') return 'every workload of the mesh without a more specific policy';
  return `every workload in ${policy.namespaceDescription}`;
}

function consequence(mode: string): string {
  return mode === 'DISABLE' ? 'accept plaintext only' : 'accept plaintext as well as mTLS';
}

export const istioMtlsPermissive: Rule = {
  meta: {
    id: 'istio-mtls-permissive',
    title: 'PeerAuthentication allows plaintext',
    description: 'An Istio PeerAuthentication sets mutual TLS to `PERMISSIVE` or `DISABLE`, for all ports or for one port.',
    severity: 'warning',
    category: 'service-mesh',
    tags: ['istio', 'mtls', 'encryption', 'nsa'],
    help: `A PeerAuthentication decides what a sidecar accepts on inbound connections. \`STRICT\`
accepts only mutual TLS, so every peer is authenticated by its workload certificate and the
traffic is encrypted. \`PERMISSIVE\` also accepts plaintext, and \`DISABLE\` accepts plaintext
only: any pod (or anything that reaches the pod network) can then connect without an identity,
read the traffic on the wire and bypass AuthorizationPolicies that match on
\`source.principals\` or \`source.namespaces\`.

\`PERMISSIVE\` is meant as a temporary state while migrating workloads into the mesh. The rule
looks at \`spec.mtls.mode\` and at every \`spec.portLevelMtls.<port>.mode\`; \`UNSET\` (or no
mode) inherits from the namespace- or mesh-wide policy and is not reported. A selector-less
policy in \`istio-system\` (Istio's default root namespace) is described as mesh-wide. A mesh
that has no STRICT policy at all is reported by \`istio-mtls-not-strict\`.

**Fix:** require mutual TLS, and give clients without a sidecar a sidecar instead of an
exception:

\`\`\`yaml
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: shop
spec:
  mtls:
    mode: STRICT
\`\`\`

When a port truly has to accept plaintext (for example a health check from the node), limit
the exception to that port of a selected workload and suppress the finding with a reason.`,
    references: [
      ISTIO_REF.peerAuthentication,
      ISTIO_REF.mtlsMigration,
      REF.nsaHardening,
      REF.mitre('T1557', 'Adversary-in-the-Middle'),
      REF.mitre('T1040', 'Network Sniffing'),
    ],
  },
  defaultOptions: {},
  check(context) {
    for (const policy of context.resources) {
      if (!isPeerAuthentication(policy)) continue;
      const spec = specOf(policy);
      const scope = scopeOf(policy);
      const mode = asString(asRecord(spec.mtls)?.mode);
      if (mode !== undefined && WEAK_MODES.has(mode)) {
        context.report(policy, ['spec', 'mtls', 'mode'], `mTLS mode "${mode}" lets ${scope} ${consequence(mode)}`);
      }
      const ports = asRecord(spec.portLevelMtls) ?? {};
      for (const [port, setting] of Object.entries(ports)) {
        const portMode = asString(asRecord(setting)?.mode);
        if (portMode === undefined || !WEAK_MODES.has(portMode)) continue;
        context.report(policy, ['spec', 'portLevelMtls', port, 'mode'], `mTLS mode "${portMode}" on port ${port} lets ${scope} ${consequence(portMode)} there`);
      }
    }
  },
};
