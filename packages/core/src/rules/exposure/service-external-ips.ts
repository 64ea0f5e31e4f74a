import { asArray, asName, asRecord } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { LINKS } from '../network-links';
import { isService } from '../../model/workload-index';

export const serviceExternalIps: Rule = {
  meta: {
    id: 'service-external-ips',
    title: 'Service with externalIPs',
    description: 'A Service sets `spec.externalIPs`, which makes every node capture the traffic sent to those addresses (CVE-2020-8554).',
    severity: 'warning',
    category: 'exposure',
    tags: ['cve', 'mitm', 'service'],
    help: `kube-proxy on every node intercepts traffic to a Service's \`spec.externalIPs\` and sends
it to the Service's pods, whoever owns the address. Anyone allowed to create or edit a Service can
therefore claim the address of an external database, API or DNS server and receive, read and
answer the connections that pods of the cluster make to it (CVE-2020-8554, a design flaw with no
patch). Legitimate uses are rare; clusters should block the field with the
\`DenyServiceExternalIPs\` admission plugin or a policy engine.

**Fix:** remove \`externalIPs\` and expose the Service through a \`LoadBalancer\` or an Ingress:

\`\`\`yaml
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [203.0.113.0/24]
  selector:
    app: web
  ports:
    - port: 443
\`\`\``,
    references: [LINKS.cve20208554, LINKS.externalIps, REF.mitre('T1557', 'Adversary-in-the-Middle')],
  },
  defaultOptions: {},
  check(context) {
    for (const service of context.resources) {
      if (!isService(service)) continue;
      asArray(asRecord(service.object.spec)?.externalIPs).forEach((entry, index) => {
        const address = asName(entry) ?? '<invalid>';
        context.report(service, ['spec', 'externalIPs', index], `Service "${service.name ?? '<unnamed>'}" claims external IP ${address}, capturing the cluster's traffic to that address`);
      });
    }
  },
};
