import { REF } from '../references';
import { isTrue } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const apiserverAnonymousAuth = settingRule(
  {
    id: 'apiserver-anonymous-auth',
    title: 'API server accepts anonymous requests',
    description: 'kube-apiserver runs with `--anonymous-auth` true, which is its default.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'authentication'],
    help: `With anonymous authentication on, a request without credentials is served as
\`system:anonymous\` in the group \`system:unauthenticated\`: one RBAC binding to either (or an
\`AlwaysAllow\` authorizer) opens the API to anyone who reaches it. The flag defaults to true.
When \`--authentication-config\` is given, anonymous access is configured there and this rule
stays quiet.

${DEFAULTS_HELP}

**Fix:** turn it off, and keep health checks on the kubelet's probes or an authenticated client:

\`\`\`yaml
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
apiServer:
  extraArgs:
  - name: anonymous-auth
    value: "false"
\`\`\``,
    references: [REF.cis('1.2.1', 'Ensure that the --anonymous-auth argument is set to false'), CONTROL_PLANE_REF.authentication, CONTROL_PLANE_REF.apiserver],
  },
  ['kube-apiserver'],
  function* (settings) {
    if (!settings.get('anonymous-auth') && settings.get('authentication-config')) return;
    if (isTrue(settings.effective('anonymous-auth')?.value)) {
      yield problemAt(settings, 'anonymous-auth', `${settings.subject} accepts anonymous requests: ${settings.describe('anonymous-auth')}`);
    }
  },
);
