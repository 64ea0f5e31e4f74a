import type { FieldPath } from '../../types';
import { asArray, asName, asRecord, asString, getIn, type JsonRecord } from '../../values';
import { REF } from '../references';
import type { Rule, RuleContext } from '../rule';
import type { Resource } from '../../model/resource';
import { apiGroup } from '../../model/api-group';
import { ISTIO_REF, specOf } from '../../model/istio';

/** Reports `tls.mode: DISABLE` in a traffic policy and in each of its port-level settings. */
function checkTrafficPolicy(context: RuleContext<unknown>, rule: Resource, policy: unknown, path: FieldPath, where: string): void {
  const record = asRecord(policy);
  if (!record) return;
  if (asString(getIn(record, ['tls', 'mode'])) === 'DISABLE') {
    context.report(rule, [...path, 'tls', 'mode'], `TLS mode "DISABLE" sends traffic to ${where} in plaintext`);
  }
  asArray(record.portLevelSettings).forEach((entry, index) => {
    const setting = asRecord(entry);
    if (asString(getIn(setting, ['tls', 'mode'])) !== 'DISABLE') return;
    const port = asName(getIn(setting, ['port', 'number']));
    const onPort = port === undefined ? `portLevelSettings[${index}]` : `port ${port}`;
    context.report(rule, [...path, 'portLevelSettings', index, 'tls', 'mode'], `TLS mode "DISABLE" sends traffic to ${where} on ${onPort} in plaintext`);
  });
}

function describeHost(spec: JsonRecord): string {
  const host = asName(spec.host);
  return host === undefined ? 'the host' : `host "${host}"`;
}

export const istioDestinationRuleTlsDisabled: Rule = {
  meta: {
    id: 'istio-destination-rule-tls-disabled',
    title: 'DestinationRule disables TLS',
    description: 'An Istio DestinationRule sets `tls.mode: DISABLE` for a host, a port or a subset, so clients send plaintext.',
    severity: 'warning',
    category: 'service-mesh',
    tags: ['istio', 'mtls', 'encryption'],
    help: `A DestinationRule's \`trafficPolicy.tls\` tells the client sidecars how to connect to a
host. Explicit settings override Istio's automatic mutual TLS, so \`mode: DISABLE\` makes every
client send plaintext: the traffic can be read and altered on the way, the server cannot
authenticate the client, and a server with a STRICT PeerAuthentication refuses the connection
(which tempts people to weaken that policy as well).

The rule looks at \`spec.trafficPolicy\`, each \`spec.subsets[*].trafficPolicy\`, and their
\`portLevelSettings[*]\`.

**Fix:** remove the \`tls\` block to let Istio use mutual TLS automatically, or say so
explicitly; for hosts outside the mesh use \`SIMPLE\` (TLS) or \`MUTUAL\`:

\`\`\`yaml
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews.shop.svc.cluster.local
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
\`\`\``,
    references: [
      ISTIO_REF.destinationRuleTls,
      ISTIO_REF.mutualTls,
      REF.nsaHardening,
      REF.mitre('T1557', 'Adversary-in-the-Middle'),
      REF.mitre('T1040', 'Network Sniffing'),
    ],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      if (resource.kind !== 'DestinationRule' || apiGroup(resource) !== 'networking.istio.io') continue;
      const spec = specOf(resource);
      const host = describeHost(spec);
      checkTrafficPolicy(context, resource, spec.trafficPolicy, ['spec', 'trafficPolicy'], host);
      asArray(spec.subsets).forEach((entry, index) => {
        const subset = asRecord(entry);
        const name = asName(subset?.name) ?? `subsets[${index}]`;
        checkTrafficPolicy(context, resource, subset?.trafficPolicy, ['spec', 'subsets', index, 'trafficPolicy'], `subset "${name}" of ${host}`);
      });
    }
  },
};
