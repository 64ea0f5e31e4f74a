import { asRecord, asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { LINKS } from '../network-links';
import { isService } from '../../model/workload-index';

export const nodeportService: Rule = {
  meta: {
    id: 'nodeport-service',
    title: 'NodePort Service',
    description: 'A Service has `type: NodePort`, which opens its ports on every node of the cluster.',
    severity: 'warning',
    category: 'exposure',
    tags: ['nsa', 'exposure', 'service'],
    help: `A \`NodePort\` Service makes kube-proxy listen on a port (30000–32767 by default) of
every node, on every node address, and forward to the pods. Anything that can reach a node can
reach the Service, bypassing the Ingress controller, its TLS and authentication, and often the
firewall rules written for the load balancer; node ports are also easy to find by scanning the
node range.

**Fix:** use a \`ClusterIP\` Service and expose it through an Ingress or a \`LoadBalancer\`
with \`loadBalancerSourceRanges\`:

\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
\`\`\``,
    references: [LINKS.nodePort, LINKS.configBestPractices, REF.nsaHardening, REF.mitre('T1133', 'External Remote Services')],
  },
  defaultOptions: {},
  check(context) {
    for (const service of context.resources) {
      if (!isService(service) || asString(asRecord(service.object.spec)?.type) !== 'NodePort') continue;
      context.report(service, ['spec', 'type'], `Service "${service.name ?? '<unnamed>'}" has type NodePort, which opens its ports on every node`);
    }
  },
};
