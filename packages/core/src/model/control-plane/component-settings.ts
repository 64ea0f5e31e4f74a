import type { Resource } from '../resource';
import type { FieldPath } from '../../types';
import { KUBEADM_DEFAULTS } from './defaults';

/** The programs whose settings cluster-config rules check. */
export type Component = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd' | 'kubelet';

/** Where the settings were written. */
export type SettingsSource = 'static-pod' | 'kubeadm' | 'kubelet-config' | 'kubelet-extra-args';

/** One setting as written: its flag name, its value as text and the field path of that value. */
export interface SettingOccurrence {
  /** Flag name without dashes (`anonymous-auth`); KubeletConfiguration fields are mapped to it. */
  name: string;
  value: string;
  path: FieldPath;
  /** How the manifest spells it, for messages: `--anonymous-auth`, `readOnlyPort`. */
  label: string;
}

/** What a setting is when the manifest does not write it; undefined when the manifest cannot tell. */
export type DefaultsOf = (name: string) => string | undefined;

/** The value a component runs with: as written, or the default of its source. */
export interface EffectiveSetting {
  value: string;
  /** Absent for a default. */
  occurrence?: SettingOccurrence;
}

/** The settings one component gets from one object: a static Pod container, a kubeadm section, a kubelet configuration. */
export class ComponentSettings {
  private readonly last = new Map<string, SettingOccurrence>();
  private readonly fallback = new Map<string, SettingOccurrence>();

  constructor(
    readonly component: Component,
    readonly resource: Resource,
    readonly source: SettingsSource,
    /** Where a missing setting is reported: the command list, the `extraArgs` key, the document. */
    readonly anchor: FieldPath,
    /** In the order written (the binaries take the last of repeated flags). */
    readonly occurrences: readonly SettingOccurrence[],
    private readonly defaults: DefaultsOf,
    /** How a missing setting is named in messages (`--profiling`, `readOnlyPort`). */
    private readonly labelOf: (name: string) => string,
    /** Settings that apply only when no flag gives them: etcd's `ETCD_*` environment variables. */
    fallbacks: readonly SettingOccurrence[] = [],
  ) {
    for (const occurrence of fallbacks) this.fallback.set(occurrence.name, occurrence);
    for (const occurrence of occurrences) this.last.set(occurrence.name, occurrence);
  }

  /** The occurrence that wins: the last flag, else the fallback. */
  get(name: string): SettingOccurrence | undefined {
    return this.last.get(name) ?? this.fallback.get(name);
  }

  /** The value in effect, or undefined when it is neither written nor known from the source's defaults. */
  effective(name: string): EffectiveSetting | undefined {
    const occurrence = this.get(name);
    if (occurrence) return { value: occurrence.value, occurrence };
    const value = this.defaults(name);
    return value === undefined ? undefined : { value };
  }

  /** Earlier occurrences of repeated settings: each is overridden by the last one. */
  overridden(): SettingOccurrence[] {
    return this.occurrences.filter((occurrence) => this.last.get(occurrence.name) !== occurrence);
  }

  /** Where a finding about `name` goes: its value when written, else the anchor. */
  pathOf(name: string): FieldPath {
    return this.get(name)?.path ?? this.anchor;
  }

  /** For messages: `--profiling=true`, `readOnlyPort: 10255`, or `--profiling is not set (default true)`. */
  describe(name: string): string {
    const occurrence = this.get(name);
    if (occurrence) return occurrence.label.startsWith('-') ? `${occurrence.label}=${occurrence.value}` : `${occurrence.label}: ${occurrence.value}`;
    const value = this.defaults(name);
    const label = this.labelOf(name);
    if (value === undefined || value === '') return `${label} is not set`;
    return this.source === 'kubeadm' && KUBEADM_SET.has(`${this.component} ${name}`) ? `${label} is not set (kubeadm sets ${value})` : `${label} is not set (default ${value})`;
  }

  /** `kube-apiserver (static Pod)`: the subject of messages. */
  get subject(): string {
    return `${this.component} (${SOURCE_NAMES[this.source]})`;
  }
}

const SOURCE_NAMES: Record<SettingsSource, string> = {
  'static-pod': 'static Pod',
  kubeadm: 'kubeadm ClusterConfiguration',
  'kubelet-config': 'KubeletConfiguration',
  'kubelet-extra-args': 'kubeadm kubeletExtraArgs',
};

/** `Node,RBAC` → `['Node', 'RBAC']`: comma-separated flag values, trimmed, empty items dropped. */
export function listValue(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** Flag values of boolean settings: what Go's strconv.ParseBool reads as true. */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value.trim());
}

export function isFalse(value: string | undefined): boolean {
  return value !== undefined && ['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value.trim());
}

/** Which defaults of a kubeadm source kubeadm writes itself (the rest are the binary's). */
const KUBEADM_SET = new Set(Object.entries(KUBEADM_DEFAULTS).flatMap(([component, flags]) => Object.keys(flags).map((name) => `${component} ${name}`)));
