import { asRecord } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer, forEachContainer } from '../visit';

/** Controllers whose pods are meant to run forever; Pods, Jobs and CronJobs run to completion or are managed by hand. */
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

const PROBES = ['livenessProbe', 'readinessProbe'] as const;

export const missingProbes: Rule = {
  meta: {
    id: 'missing-probes',
    title: 'Container without liveness or readiness probe',
    description: 'A container of a long-running controller (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController) has no `livenessProbe` or no `readinessProbe`.',
    severity: 'note',
    category: 'resources',
    tags: ['reliability', 'availability'],
    help: `Without a readiness probe a pod receives traffic as soon as its process starts, and keeps
receiving it while it is overloaded or broken; rolling updates then replace working pods with
ones that do not serve. Without a liveness probe a deadlocked process is never restarted. Either
way a small fault, or a request that wedges the process, becomes an outage. Only
regular containers of Deployments, StatefulSets, DaemonSets, ReplicaSets and
ReplicationControllers are checked: init and ephemeral containers, bare Pods, Jobs and CronJobs
are not. One finding per container names the missing probes. This is a \`note\`: some
containers (batch workers, sidecars) have nothing meaningful to probe.

**Fix:** add probes that exercise the application, not just the port:

\`\`\`yaml
containers:
  - name: app
    readinessProbe:
      httpGet: { path: /ready, port: 8080 }
      periodSeconds: 5
    livenessProbe:
      httpGet: { path: /healthz, port: 8080 }
      initialDelaySeconds: 10
      periodSeconds: 10
\`\`\``,
    references: [
      {
        title: 'Kubernetes: Configure Liveness, Readiness and Startup Probes',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
      },
      REF.nsaHardening,
    ],
  },
  defaultOptions: {},
  check(context) {
    forEachContainer(context, (container, pod) => {
      if (container.kind !== 'container' || !LONG_RUNNING.has(pod.resource.kind)) return;
      const missing = PROBES.filter((probe) => !asRecord(container.spec[probe]));
      const [first] = missing;
      if (first === undefined) return;
      // One probe missing: point at where it belongs; both: at the container.
      const path = missing.length === 1 ? [...container.path, first] : container.path;
      context.report(pod.resource, path, `${describeContainer(container)} has no ${missing.join(' and no ')}`);
    });
  },
};
