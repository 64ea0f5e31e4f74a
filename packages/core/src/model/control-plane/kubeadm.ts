import type { Resource } from '../resource';
import type { FieldPath } from '../../types';
import { asName, asRecord } from '../../values';
import { ComponentSettings, type Component, type SettingOccurrence } from './component-settings';
import { BINARY_DEFAULTS, KUBEADM_DEFAULTS } from './defaults';

const KUBEADM_VERSIONS = new Set(['kubeadm.k8s.io/v1beta3', 'kubeadm.k8s.io/v1beta4']);

/** The sections of a ClusterConfiguration that hold each component's `extraArgs`. */
const SECTIONS: ReadonlyArray<{ component: Component; path: FieldPath }> = [
  { component: 'kube-apiserver', path: ['apiServer'] },
  { component: 'kube-controller-manager', path: ['controllerManager'] },
  { component: 'kube-scheduler', path: ['scheduler'] },
  { component: 'etcd', path: ['etcd', 'local'] },
];

export function isKubeadmConfig(resource: Resource): boolean {
  return KUBEADM_VERSIONS.has(resource.apiVersion);
}

/**
 * `extraArgs` in either form: a map (v1beta3, `{name: value}`, the value's path) or a list
 * (v1beta4, `[{name, value}]`, the `value` field's path, repeated names kept in order).
 */
export function extraArgs(value: unknown, path: FieldPath): SettingOccurrence[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, index) => {
      const entry = asRecord(item);
      const name = asName(entry?.name);
      if (!entry || name === undefined) return [];
      const written = asName(entry.value);
      const valuePath = written === undefined ? [...path, index] : [...path, index, 'value'];
      return [{ name, value: written ?? '', path: valuePath, label: `--${name}` }];
    });
  }
  const map = asRecord(value);
  if (!map) return [];
  return Object.entries(map).map(([name, written]) => ({ name, value: asName(written) ?? '', path: [...path, name], label: `--${name}` }));
}

/**
 * Settings of the control-plane components a kubeadm ClusterConfiguration describes (etcd only
 * when local), and of the kubelet from an InitConfiguration's or JoinConfiguration's
 * `nodeRegistration.kubeletExtraArgs`. What kubeadm sets itself counts as the default.
 */
export function kubeadmSettings(resource: Resource): ComponentSettings[] {
  if (!isKubeadmConfig(resource)) return [];
  if (resource.kind === 'ClusterConfiguration') {
    const external = asRecord(asRecord(resource.object.etcd)?.external) !== undefined;
    return SECTIONS.filter((section) => !(section.component === 'etcd' && external)).map(({ component, path }) => {
      const argsPath = [...path, 'extraArgs'];
      let section: unknown = resource.object;
      for (const segment of path) section = asRecord(section)?.[segment];
      const defaults = { ...BINARY_DEFAULTS[component], ...KUBEADM_DEFAULTS[component] };
      return new ComponentSettings(component, resource, 'kubeadm', argsPath, extraArgs(asRecord(section)?.extraArgs, argsPath), (name) => defaults[name], (name) => `--${name}`);
    });
  }
  if (resource.kind === 'InitConfiguration' || resource.kind === 'JoinConfiguration') {
    const argsPath = ['nodeRegistration', 'kubeletExtraArgs'];
    const written = asRecord(resource.object.nodeRegistration)?.kubeletExtraArgs;
    if (written === undefined) return [];
    // kubeadm also writes a KubeletConfiguration file the manifest does not show: no defaults.
    return [new ComponentSettings('kubelet', resource, 'kubelet-extra-args', argsPath, extraArgs(written, argsPath), () => undefined, (name) => `--${name}`)];
  }
  return [];
}

