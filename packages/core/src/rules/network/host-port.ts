import { asArray, asRecord } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer, forEachContainer } from '../visit';
import { LINKS } from './links';

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
    forEachContainer(context, (container, pod) => {
      asArray(container.spec.ports).forEach((entry, index) => {
        const port = asRecord(entry)?.hostPort;
        // hostPort is an int32; 0 (and absence) means no host port.
        if (typeof port !== 'number' || port === 0) return;
        context.report(pod.resource, [...container.path, 'ports', index, 'hostPort'], `${describeContainer(container)} binds port ${port} of the node (hostPort)`);
      });
    });
  },
};
