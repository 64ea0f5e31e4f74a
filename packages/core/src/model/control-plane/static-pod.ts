import type { Resource } from '../resource';
import type { FieldPath } from '../../types';
import { asArray, asRecord, asString } from '../../values';
import { parseImage } from '../image';
import { ComponentSettings, type Component, type SettingOccurrence } from './component-settings';
import { commandItems, parseFlags } from './command-flags';
import { BINARY_DEFAULTS } from './defaults';

/** Components that run as static Pods (the kubelet runs on the host). */
const STATIC_POD_COMPONENTS: readonly Component[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'];

/** `/usr/local/bin/kube-apiserver` → `kube-apiserver` when it names a component. */
function componentNamed(program: string | undefined): Component | undefined {
  const base = program?.trim().split('/').pop();
  return STATIC_POD_COMPONENTS.find((component) => component === base);
}

/**
 * The component settings of a Pod's containers that run a control-plane binary: command[0] is the
 * binary (flags from the rest of command and args), or there is no command and args[0] is the
 * binary, or there is no command and the image is the component's (flags from args) in a Pod
 * placed or labelled as the control plane's (an application's etcd image is often configured
 * through environment variables instead). A shell
 * wrapper (`sh -c "kube-apiserver ..."`) is not read: its flags cannot be told apart reliably.
 */
export function staticPodSettings(resource: Resource): ComponentSettings[] {
  if (resource.kind !== 'Pod' || resource.apiVersion !== 'v1') return [];
  const settings: ComponentSettings[] = [];
  asArray(asRecord(resource.object.spec)?.containers).forEach((value, index) => {
    const container = asRecord(value);
    if (!container) return;
    const path = ['spec', 'containers', index];
    const command = commandItems(container.command, [...path, 'command']);
    const args = commandItems(container.args, [...path, 'args']);
    let component: Component | undefined;
    let items = [...command.slice(1), ...args];
    if (command.length > 0) component = componentNamed(command[0]!.text);
    else if (componentNamed(args[0]?.text)) {
      component = componentNamed(args[0]?.text);
      items = args.slice(1);
    } else if (looksLikeControlPlane(resource)) {
      const image = asString(container.image);
      component = image === undefined ? undefined : componentNamed(parseImage(image).repository);
    }
    if (!component) return;
    const anchor = command.length > 0 ? [...path, 'command'] : args.length > 0 ? [...path, 'args'] : path;
    const defaults = BINARY_DEFAULTS[component];
    const environment = component === 'etcd' ? etcdEnvironment(container.env, [...path, 'env']) : [];
    settings.push(new ComponentSettings(component, resource, 'static-pod', anchor, parseFlags(items, component === 'etcd'), (name) => defaults[name], (name) => `--${name}`, environment));
  });
  return settings;
}

function looksLikeControlPlane(resource: Resource): boolean {
  const labels = resource.labels;
  return resource.namespace === 'kube-system' || labels.tier === 'control-plane' || STATIC_POD_COMPONENTS.some((component) => labels.component === component);
}

/** etcd reads `ETCD_CLIENT_CERT_AUTH` as `--client-cert-auth` when the flag is not given. */
function etcdEnvironment(env: unknown, path: FieldPath): SettingOccurrence[] {
  return asArray(env).flatMap((value, index) => {
    const variable = asRecord(value);
    const name = asString(variable?.name);
    const written = asString(variable?.value);
    if (!name?.startsWith('ETCD_') || written === undefined) return [];
    return [{ name: name.slice('ETCD_'.length).toLowerCase().replace(/_/g, '-'), value: written, path: [...path, index, 'value'], label: name }];
  });
}
