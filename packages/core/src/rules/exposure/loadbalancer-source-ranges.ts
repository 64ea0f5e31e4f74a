import type { Resource } from '../../model/resource';
import { asArray, asName, asRecord, asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { LINKS } from '../network-links';
import { isAnyAddress, isService } from '../../model/workload-index';

export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

const is = (wanted: string) => (value: string): boolean => value.trim().toLowerCase() === wanted;

/** Annotations that make cloud providers create a load balancer reachable only from private networks. */
const INTERNAL_ANNOTATIONS: ReadonlyArray<readonly [key: string, internal: (value: string) => boolean]> = [
  // The in-tree AWS provider takes any value but "false" (historically "0.0.0.0/0") as internal.
  ['service.beta.kubernetes.io/aws-load-balancer-internal', (value) => value.trim() !== '' && value.trim().toLowerCase() !== 'false'],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', is('internal')],
  ['networking.gke.io/load-balancer-type', is('internal')],
  ['cloud.google.com/load-balancer-type', is('internal')],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', is('true')],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', is('true')],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', is('true')],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', is('private')],
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', is('intranet')],
];

function isInternal(service: Resource): boolean {
  const annotations = service.annotations;
  return INTERNAL_ANNOTATIONS.some(([key, internal]) => {
    const value = asName(annotations[key]);
    return value !== undefined && internal(value);
  });
}

export const loadbalancerSourceRanges: Rule = {
  meta: {
    id: 'loadbalancer-source-ranges',
    title: 'LoadBalancer Service open to any address',
    description:
      'A `type: LoadBalancer` Service that is not internal sets no `spec.loadBalancerSourceRanges`, or allows `0.0.0.0/0` or `::/0`.',
    severity: 'warning',
    category: 'exposure',
    tags: ['nsa', 'exposure', 'service'],
    help: `A \`LoadBalancer\` Service asks the cloud provider for a load balancer, which by default
gets a public address reachable from the whole internet. Admin interfaces, databases and
internal APIs exposed this way are found by scanners within minutes. \`spec.loadBalancerSourceRanges\`
(or the older \`${SOURCE_RANGES_ANNOTATION}\` annotation, which the field overrides) makes the
provider's firewall accept only the listed client ranges; \`0.0.0.0/0\` and \`::/0\` allow
everyone. Load balancers made internal by a provider annotation
(\`service.beta.kubernetes.io/aws-load-balancer-internal\`, \`aws-load-balancer-scheme: internal\`,
\`networking.gke.io/load-balancer-type: Internal\`,
\`service.beta.kubernetes.io/azure-load-balancer-internal: "true"\` and the like) are not reported.

**Fix:** restrict the clients, or make the load balancer internal when only the private network
needs it:

\`\`\`yaml
spec:
  type: LoadBalancer
  loadBalancerSourceRanges:
    - 203.0.113.0/24
\`\`\`

\`\`\`yaml
metadata:
  annotations:
    networking.gke.io/load-balancer-type: Internal
\`\`\``,
    references: [LINKS.sourceRanges, REF.nsaHardening, REF.mitre('T1133', 'External Remote Services')],
  },
  defaultOptions: {},
  check(context) {
    for (const service of context.resources) {
      if (!isService(service)) continue;
      const spec = asRecord(service.object.spec);
      if (asString(spec?.type) !== 'LoadBalancer' || isInternal(service)) continue;
      const name = service.name ?? '<unnamed>';
      const ranges = asArray(spec?.loadBalancerSourceRanges);
      if (ranges.length > 0) {
        // The field wins over the annotation when both are set.
        ranges.forEach((entry, index) => {
          const range = asString(entry);
          if (range === undefined || !isAnyAddress(range)) return;
          context.report(service, ['spec', 'loadBalancerSourceRanges', index], `the load balancer of Service "${name}" accepts clients from any address (${range.trim()})`);
        });
        continue;
      }
      const annotation = asString(service.annotations[SOURCE_RANGES_ANNOTATION])?.trim();
      if (annotation) {
        const open = annotation.split(',').map((range) => range.trim()).filter(isAnyAddress);
        if (open.length > 0) {
          context.report(service, ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION], `the load balancer of Service "${name}" accepts clients from any address (${open.join(', ')})`);
        }
        continue;
      }
      context.report(service, ['spec', 'type'], `the load balancer of Service "${name}" accepts clients from any address: it sets no loadBalancerSourceRanges`);
    }
  },
};
