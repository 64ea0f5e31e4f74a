import type { PodTemplate } from '../../model/pod';
import { asRecord, asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer, forEachContainer } from '../visit';

/**
 * Built-in controllers whose pods are meant to run forever. Jobs, CronJobs, ScaledJobs and Argo
 * Workflows run to completion; Knative adds a readiness probe of its own; what a declared or
 * inferred custom kind does is not known.
 */
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'DeploymentConfig', 'Rollout']);

/** A bare Pod runs forever unless its restartPolicy says it runs to completion. */
function isLongRunning(pod: PodTemplate): boolean {
  if (pod.origin !== 'built-in') return false;
  if (pod.resource.kind === 'Pod') return !['Never', 'OnFailure'].includes(asString(pod.spec.restartPolicy) ?? 'Always');
  return LONG_RUNNING.has(pod.resource.kind);
}

const PROBES = ['livenessProbe', 'readinessProbe'] as const;

export const missingProbes: Rule = {
  meta: {
    id: 'missing-probes',
    title: 'Container without liveness or readiness probe',
    description: 'A container of a long-running pod (a bare Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, DeploymentConfig or Argo Rollout) has no `livenessProbe` or no `readinessProbe`.',
    severity: 'note',
    category: 'resources',
    tags: ['reliability', 'availability'],
    help: `Without a readiness probe a pod receives traffic as soon as its process starts, and keeps
receiving it while it is overloaded or broken; rolling updates then replace working pods with
ones that do not serve. Without a liveness probe a deadlocked process is never restarted. Either
way a small fault, or a request that wedges the process, becomes an outage. Only
regular containers of long-running pods are checked: bare Pods (unless their \`restartPolicy\`
is \`Never\` or \`OnFailure\`), Deployments, StatefulSets, DaemonSets, ReplicaSets,
ReplicationControllers, OpenShift DeploymentConfigs and Argo Rollouts. Init and ephemeral
containers are not, nor are Jobs, CronJobs, KEDA ScaledJobs and Argo Workflows (they run to
completion), Knative services (Knative adds a readiness probe) or custom kinds. One finding per
container: at the missing probe's place (\`spec.containers[0].livenessProbe\`), or at the
container when both are missing. This is a \`note\`: some containers (batch workers, sidecars)
have nothing meaningful to probe.

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
      if (container.kind !== 'container' || !isLongRunning(pod)) return;
      const missing = PROBES.filter((probe) => !asRecord(container.spec[probe]));
      const [first] = missing;
      if (first === undefined) return;
      // One probe missing: at the place it belongs; both: at the container, as baselines recorded it.
      const path = missing.length === 1 ? [...container.path, first] : container.path;
      context.report(pod.resource, path, `${describeContainer(container)} has no ${missing.join(' and no ')}`);
    });
  },
};
