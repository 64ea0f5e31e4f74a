import type { Rule, RuleMeta } from '../../rules/rule';
import type { FieldPath } from '../../types';
import { componentSettingsOf } from './index';
import type { Component, ComponentSettings } from './component-settings';

/** A finding about one component's settings: where (a value's path or the anchor) and why. */
export interface SettingProblem {
  path: FieldPath;
  message: string;
}

/**
 * A cluster-config rule: `find` looks at the settings of each listed component, from every
 * source form (static Pod, kubeadm, KubeletConfiguration), and returns what to report.
 */
export function settingRule(meta: RuleMeta, components: readonly Component[], find: (settings: ComponentSettings) => Iterable<SettingProblem>): Rule {
  return {
    meta,
    defaultOptions: {},
    check(context) {
      for (const settings of componentSettingsOf(context.resources)) {
        if (!components.includes(settings.component)) continue;
        for (const problem of find(settings)) context.report(settings.resource, problem.path, problem.message);
      }
    },
  };
}

/** A problem at the setting's value when written, else at the anchor (command list, `extraArgs`, document). */
export function problemAt(settings: ComponentSettings, name: string, message: string): SettingProblem {
  return { path: settings.pathOf(name), message };
}

/** Text that says where the defaults come from, shared by the rules' help. */
export const DEFAULTS_HELP = `Absent settings take the documented default of Kubernetes 1.27 and later. For a kubeadm
\`ClusterConfiguration\`, the flags kubeadm writes into its static Pods count as set (see
docs/cis-benchmark.md); only an explicit \`extraArgs\` entry changes them. A static Pod is read
only when its container runs the binary itself (command, args or image), never through a shell.`;

/** How the kubelet rules read absent settings (shared by their help). */
export const KUBELET_DEFAULTS_HELP = `Read from a KubeletConfiguration (kubelet.config.k8s.io/v1beta1),
whose defaults apply to absent fields (they differ from the flags': anonymous authentication off,
\`Webhook\` authorization, read-only port 0), and from kubeadm's
\`nodeRegistration.kubeletExtraArgs\`, where only flags that are written are checked (kubeadm
also writes a configuration file the manifest does not show).`;
