import { REF } from '../references';
import { RESOURCE_OPTIONS_SCHEMA, checkResources, type ResourceOptions } from '../resource-fields';
import type { Rule } from '../rule';

export const missingResourceLimits: Rule<ResourceOptions> = {
  meta: {
    id: 'missing-resource-limits',
    title: 'Missing resource limits',
    description: 'A container does not set CPU and memory limits (`resources.limits`).',
    severity: 'warning',
    category: 'resources',
    tags: ['nsa', 'availability'],
    help: `Without limits, one compromised or misbehaving container can consume all of a node's CPU
or memory and starve every other pod on it (a denial of service), and the scheduler cannot reason
about the node's capacity. Init containers are checked too; ephemeral debug containers cannot
declare resources and are not.

**Fix:**

\`\`\`yaml
containers:
  - name: app
    resources:
      requests: { cpu: 100m, memory: 128Mi }
      limits: { cpu: 500m, memory: 256Mi }
\`\`\`

Many teams deliberately run without CPU limits to avoid throttling; to require only memory
limits:

\`\`\`yaml
# .k8s-lint.yaml
rules:
  missing-resource-limits:
    options:
      resources: [memory]
\`\`\``,
    references: [REF.resources, REF.nsaHardening],
    optionsSchema: RESOURCE_OPTIONS_SCHEMA,
  },
  defaultOptions: { resources: ['cpu', 'memory'] },
  check: checkResources('limits'),
};
