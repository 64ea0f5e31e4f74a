import { REF } from '../references';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { KUBELET_DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const kubeletReadOnlyPort = settingRule(
  {
    id: 'kubelet-read-only-port',
    title: 'Kubelet serves its read-only port',
    description: 'The kubelet has `readOnlyPort` (or `--read-only-port`) set to a port other than 0.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'kubelet', 'authentication'],
    securitySeverity: 6.5,
    help: `The read-only port (usually 10255) serves \`/pods\`, \`/spec\` and metrics without any
authentication or authorization: Pod specs, environment variables included, are open to anyone
who reaches the node. The configuration file defaults to 0 (off), the \`--read-only-port\` flag to
10255.

${KUBELET_DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
readOnlyPort: 0
\`\`\``,
    references: [REF.cis('4.2.4', 'Verify that the --read-only-port argument is set to 0'), CONTROL_PLANE_REF.kubeletConfig],
  },
  ['kubelet'],
  function* (settings) {
    const port = settings.effective('read-only-port')?.value.trim();
    if (port !== undefined && port !== '' && port !== '0') {
      yield problemAt(settings, 'read-only-port', `${settings.subject} serves an unauthenticated read-only port: ${settings.describe('read-only-port')}`);
    }
  },
);
