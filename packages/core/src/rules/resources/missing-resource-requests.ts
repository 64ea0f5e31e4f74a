import { REF } from '../references';
import { RESOURCE_OPTIONS_SCHEMA, checkResources, type ResourceOptions } from '../resource-fields';
import type { Rule } from '../rule';

export const missingResourceRequests: Rule<ResourceOptions> = {
  meta: {
    id: 'missing-resource-requests',
    title: 'Missing resource requests',
    description: 'A container sets neither a request nor a limit for CPU or memory.',
    severity: 'warning',
    category: 'resources',
    tags: ['availability'],
    help: `Requests tell the scheduler how much CPU and memory a pod needs. Pods without them are
placed on nodes that cannot serve them and are the first to be evicted under pressure
(\`BestEffort\` quality of service), which makes availability unpredictable. Kubernetes copies an
unset request from the limit, so a container with a limit for a resource passes for that resource.

**Fix:**

\`\`\`yaml
containers:
  - name: app
    resources:
      requests: { cpu: 100m, memory: 128Mi }
\`\`\`

The \`resources\` option (\`[cpu, memory]\` by default) chooses which requests are required.`,
    references: [REF.resources],
    optionsSchema: RESOURCE_OPTIONS_SCHEMA,
  },
  defaultOptions: { resources: ['cpu', 'memory'] },
  check: checkResources('requests'),
};
