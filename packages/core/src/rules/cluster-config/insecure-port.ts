import { REF } from '../references';
import type { Component } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { problemAt, settingRule } from '../../model/control-plane/setting-rule';

/** The unauthenticated HTTP port of each component (gone from Kubernetes 1.24 and later). */
const INSECURE_PORT_FLAG: Partial<Record<Component, string>> = {
  'kube-apiserver': 'insecure-port',
  'kube-controller-manager': 'port',
  'kube-scheduler': 'port',
};

export const insecurePort = settingRule(
  {
    id: 'insecure-port',
    title: 'Control-plane component serves an unauthenticated HTTP port',
    description: 'kube-apiserver `--insecure-port`, or kube-controller-manager or kube-scheduler `--port`, is set to a port other than 0.',
    severity: 'error',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'authentication'],
    securitySeverity: 9.0,
    help: `The insecure port skips authentication and authorization altogether: whoever reaches it
is cluster administrator (API server) or reads metrics and profiles (controller manager,
scheduler). Kubernetes 1.24 and later no longer have these flags: a manifest still setting them
is for an old, unsupported version, or its component will not start.

**Fix:** remove the flag (or set it to 0) and use the secure port only:

\`\`\`yaml
spec:
  containers:
  - name: kube-apiserver
    command:
    - kube-apiserver
    - --secure-port=6443
\`\`\``,
    references: [REF.cis('1.2.18', 'Ensure that the --insecure-port argument is set to 0', 'v1.20'), CONTROL_PLANE_REF.controlAccess],
  },
  ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'],
  function* (settings) {
    const flag = INSECURE_PORT_FLAG[settings.component];
    const port = flag === undefined ? undefined : settings.get(flag);
    if (flag && port && port.value.trim() !== '0' && port.value.trim() !== '') {
      yield problemAt(settings, flag, `${settings.subject} serves an unauthenticated port: ${settings.describe(flag)}`);
    }
  },
);
