import { REF } from '../references';
import { listValue } from '../../model/control-plane';
import { CONTROL_PLANE_REF } from '../../model/control-plane/references';
import { problemAt, settingRule } from '../../model/control-plane/setting-rule';

export const apiserverAdmissionAlwaysAdmit = settingRule(
  {
    id: 'apiserver-admission-always-admit',
    title: 'API server enables the AlwaysAdmit admission plugin',
    description: 'kube-apiserver `--enable-admission-plugins` (or the removed `--admission-control`) lists `AlwaysAdmit`.',
    severity: 'warning',
    category: 'cluster-config',
    tags: ['cis', 'control-plane', 'admission'],
    help: `\`AlwaysAdmit\` is deprecated and admits every request by itself; listing it shows the
admission chain is not what protects the cluster, and on old versions it replaced the chain.

**Fix:** remove it from the list:

\`\`\`yaml
spec:
  containers:
  - name: kube-apiserver
    command:
    - kube-apiserver
    - --enable-admission-plugins=NodeRestriction
\`\`\``,
    references: [REF.cis('1.2.10', 'Ensure that the admission control plugin AlwaysAdmit is not set'), CONTROL_PLANE_REF.admission],
  },
  ['kube-apiserver'],
  function* (settings) {
    for (const name of ['enable-admission-plugins', 'admission-control']) {
      const plugins = settings.get(name);
      if (plugins && listValue(plugins.value).includes('AlwaysAdmit')) {
        yield problemAt(settings, name, `${settings.subject} enables AlwaysAdmit: ${settings.describe(name)}`);
      }
    }
  },
);
