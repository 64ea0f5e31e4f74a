import { REF } from '../references';
import { listValue } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { DEFAULTS_HELP, problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const apiserverAuthorizationAlwaysAllow = settingRule(
  {
    id: 'apiserver-authorization-always-allow',
    title: 'API server authorizes every request',
    description: 'kube-apiserver `--authorization-mode` includes `AlwaysAllow`, or is not set (the binary then defaults to `AlwaysAllow`).',
    severity: 'error',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'authorization'],
    securitySeverity: 9.0,
    help: `\`AlwaysAllow\` allows every request that an earlier authorizer did not decide: with
\`Node\` and \`RBAC\` (which never deny) in front of it, every authenticated user, and with
anonymous authentication every anonymous one, can do everything. The binary defaults to
\`AlwaysAllow\` when neither \`--authorization-mode\` nor \`--authorization-config\` is given;
kubeadm sets \`Node,RBAC\`. With \`--authorization-config\` alone the rule stays quiet.

${DEFAULTS_HELP}

**Fix:**

\`\`\`yaml
spec:
  containers:
  - name: kube-apiserver
    command:
    - kube-apiserver
    - --authorization-mode=Node,RBAC
\`\`\``,
    references: [REF.cis('1.2.6', 'Ensure that the --authorization-mode argument is not set to AlwaysAllow'), CONTROL_PLANE_REF.authorization],
  },
  ['kube-apiserver'],
  function* (settings) {
    if (!settings.get('authorization-mode') && settings.get('authorization-config')) return;
    const mode = settings.effective('authorization-mode');
    if (mode && listValue(mode.value).includes('AlwaysAllow')) {
      yield problemAt(settings, 'authorization-mode', `${settings.subject} authorizes every request: ${settings.describe('authorization-mode')}`);
    }
  },
);
