import { hostPorts } from '../../model/pod-security-conditions';
import { rejectedAtAdmission } from '../../pss/admission';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer } from '../visit';
import { LINKS } from '../network-links';

export const hostPort: Rule = {
  meta: {
    id: 'host-port',
    title: 'Container port bound to the node (hostPort)',
    description: 'A container port sets a non-zero `hostPort`, which binds the port on the node\'s own network interfaces.',
    severity: 'warning',
    category: 'exposure',
    tags: ['pss-baseline', 'nsa', 'exposure'],
    help: `A \`hostPort\` makes the node forward a port of its own addresses to the container, so
the pod is reachable by anything that can reach the node, outside of Services, Ingresses and
often of NetworkPolicies (some network plugins do not apply them to host ports). It also limits
scheduling (two pods with the same \`hostPort\` cannot share a node) and is forbidden by the
Baseline Pod Security Standard.

**Fix:** remove \`hostPort\` and expose the port through a Service:

\`\`\`yaml
containers:
  - name: web
    image: nginx:1.27
    ports:
      - containerPort: 8080
\`\`\``,
    references: [REF.pssBaseline, LINKS.configBestPractices, REF.nsaHardening],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      for (const { container, port, path } of hostPorts(pod)) {
        if (rejectedAtAdmission(context, pod, hostPort.meta.id, path)) continue;
        context.report(pod.resource, path, `${describeContainer(container)} binds port ${port} of the node (hostPort)`);
      }
    }
  },
};
