import { chartValuesOf } from '../../model/chart-values';
import { insecureChartSettings } from '../../model/chart-values-settings';
import { formatPath } from '../../path';
import { DANGEROUS_CAPABILITIES } from '../pod-security/dangerous-capabilities';
import { REF } from '../references';
import type { Rule } from '../rule';

export const chartValuesInsecure: Rule = {
  meta: {
    id: 'chart-values-insecure',
    title: 'GitOps object passes insecure pod settings to a chart',
    description:
      'The values that a Flux HelmRelease or an Argo CD Application or ApplicationSet passes to a chart make pods privileged, share the node\'s namespaces, mount the container runtime socket or the node\'s root, run as root, allow privilege escalation or add dangerous capabilities.',
    severity: 'error',
    category: 'gitops',
    tags: ['flux', 'argocd', 'helm'],
    help: `A chart deployed by a GitOps object is rendered in the cluster, so its pods are not in
the repository for the pod-security rules to read; only the values the object passes to it are.
This rule reads those values — Flux HelmRelease \`spec.values\`, and Argo CD
\`helm.valuesObject\` and \`helm.values\` (a YAML string) of an Application or an ApplicationSet
template — and reports the settings that charts pass through to pods:

| setting | severity | why |
|---|---|---|
| \`privileged: true\` | error | a privileged container is root on the node |
| \`hostNetwork\`, \`hostPID\`, \`hostIPC: true\` | error | the pod shares the node's network, processes or shared memory |
| a \`hostPath\` of \`/\`, or any value that is the path of a runtime socket (\`docker.sock\`, \`containerd.sock\`, \`crio.sock\`, \`cri-dockerd.sock\`, \`dockershim.sock\`) | error | the node's root filesystem, or control of every container on the node |
| \`allowPrivilegeEscalation: true\` | warning | setuid binaries can gain privileges |
| \`runAsUser: 0\` | warning | the container runs as root, contained by its other settings |
| \`capabilities.add\` with ${DANGEROUS_CAPABILITIES.join(', ')} | warning | see dangerous-capabilities |

The errors are each a way to root on the node, as in the Pod Security Standards' Baseline
level; the warnings weaken a container without escaping it on their own, and a value may
reach a container the chart otherwise constrains.

**A heuristic, with limits.** The keys are looked for anywhere in the values tree, whatever the
chart calls the section (\`kubeletPlugin.privileged\`, \`spegel.containerdSock\`); a section with
\`enabled: false\` is skipped. So a chart may ignore or rename a key and the finding is then
false; a chart's own defaults, Flux \`valuesFrom\`, Argo CD \`valueFiles\` and \`parameters\` are
not seen, so an insecure chart default is missed; a \`values\` string that is not valid YAML
before templating (an ApplicationSet's unquoted \`{{ ... }}\`) is skipped. Findings inside a \`helm.values\` string are
at their exact line and column when it is a literal block (\`values: |\`) or a single line
without escapes, else at the \`values\` key. (\`--helm\` lints a chart of the repository with
its own values files, not with those of a GitOps object.)

**Fix:** drop the setting, or confine the release to a namespace whose Pod Security admission
rejects it. A node agent that needs it (a CSI driver, a device plugin) can be accepted with a
\`# k8s-lint-disable-next-line chart-values-insecure -- reason\` comment above the setting (inside a
\`values: |\` string too, where Helm reads it as a comment) or the \`k8s-lint.io/ignore\` annotation
on the object:

\`\`\`yaml
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: podinfo
spec:
  chart:
    spec:
      chart: podinfo
      sourceRef: { kind: HelmRepository, name: podinfo }
  values:
    securityContext:
      allowPrivilegeEscalation: false
      runAsNonRoot: true
      capabilities:
        drop: ["ALL"]
\`\`\``,
    references: [
      { title: 'Flux: HelmRelease values', url: 'https://fluxcd.io/flux/components/helm/helmreleases/#values' },
      { title: 'Argo CD: Helm values', url: 'https://argo-cd.readthedocs.io/en/stable/user-guide/helm/#values' },
      REF.pssBaseline,
    ],
  },
  defaultOptions: {},
  check(context) {
    for (const entry of chartValuesOf(context.resources)) {
      for (const setting of insecureChartSettings(entry.values, DANGEROUS_CAPABILITIES)) {
        const message = `values for ${entry.chart} set ${formatPath(setting.path)}: ${setting.shown} (${setting.why})`;
        context.report(entry.resource, [...entry.path, ...setting.path], message, setting.severity === 'warning' ? 'warning' : undefined);
      }
    }
  },
};
