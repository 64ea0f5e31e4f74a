import { probeAndLifecycleHosts } from '../../model/pod-security-conditions';
import { rejectedAtAdmission } from '../../pss/admission';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer } from '../visit';

export const probeOrLifecycleHost: Rule = {
  meta: {
    id: 'probe-or-lifecycle-host',
    title: 'Probe or lifecycle handler aimed at another host',
    description: 'A container probe or `lifecycle` handler sets the `host` of its `httpGet` or `tcpSocket`.',
    severity: 'warning',
    category: 'pod-security',
    tags: ['pss-baseline'],
    help: `Probes and lifecycle handlers are run by the kubelet, from the node. With \`host\` set, the
kubelet connects wherever the manifest says instead of to the pod: whoever can create pods can
make the node reach addresses the pod itself cannot (the node's own services on \`127.0.0.1\`,
the cloud metadata endpoint, other networks), and failed probe output ends up in the pod's
events. It is a warning rather than an error because the kubelet only sends a GET or opens a
connection, and pods on the host network sometimes set \`host\` to reach themselves; the Baseline
Pod Security Standard forbids it from v1.34.

**Fix:** remove \`host\`: the kubelet then probes the pod's IP. For a name-based virtual host, set
the \`Host\` header instead:

\`\`\`yaml
readinessProbe:
  httpGet:
    path: /healthz
    port: 8080
    httpHeaders:
      - name: Host
        value: shop.example.com
\`\`\``,
    references: [REF.pssBaseline, { title: 'Kubernetes: Configure Liveness, Readiness and Startup Probes', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/' }],
  },
  defaultOptions: {},
  check(context) {
    for (const pod of context.podTemplates) {
      for (const { container, host, handler, path } of probeAndLifecycleHosts(pod)) {
        if (rejectedAtAdmission(context, pod, probeOrLifecycleHost.meta.id, path)) continue;
        context.report(pod.resource, path, `${handler} of ${describeContainer(container)} makes the kubelet connect to host "${host}" instead of the pod`);
      }
    }
  },
};
