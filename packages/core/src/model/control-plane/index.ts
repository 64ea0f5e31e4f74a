import type { Resource } from '../resource';
import type { ComponentSettings } from './component-settings';
import { kubeadmSettings } from './kubeadm';
import { kubeletConfigSettings } from './kubelet-config';
import { staticPodSettings } from './static-pod';

export * from './component-settings';

const cache = new WeakMap<readonly Resource[], ComponentSettings[]>();

/**
 * Every component's settings found in the linted objects, from static Pods, kubeadm
 * configurations and KubeletConfigurations, in the order of the objects. Computed once per run.
 */
export function componentSettingsOf(resources: readonly Resource[]): ComponentSettings[] {
  let found = cache.get(resources);
  if (!found) {
    found = resources.flatMap((resource) => [...staticPodSettings(resource), ...kubeadmSettings(resource), ...kubeletConfigSettings(resource)]);
    cache.set(resources, found);
  }
  return found;
}
