import type { Resource } from '../resource';
import type { FieldPath } from '../../types';
import { getIn } from '../../values';
import { ComponentSettings, type SettingOccurrence } from './component-settings';
import { KUBELET_CONFIG_DEFAULTS } from './defaults';

/** KubeletConfiguration fields and the kubelet flags they stand for. */
const FIELDS: ReadonlyArray<{ name: string; path: FieldPath; list?: true }> = [
  { name: 'anonymous-auth', path: ['authentication', 'anonymous', 'enabled'] },
  { name: 'client-ca-file', path: ['authentication', 'x509', 'clientCAFile'] },
  { name: 'authorization-mode', path: ['authorization', 'mode'] },
  { name: 'read-only-port', path: ['readOnlyPort'] },
  { name: 'protect-kernel-defaults', path: ['protectKernelDefaults'] },
  { name: 'make-iptables-util-chains', path: ['makeIPTablesUtilChains'] },
  { name: 'rotate-certificates', path: ['rotateCertificates'] },
  { name: 'allowed-unsafe-sysctls', path: ['allowedUnsafeSysctls'], list: true },
  { name: 'tls-cipher-suites', path: ['tlsCipherSuites'], list: true },
  { name: 'tls-min-version', path: ['tlsMinVersion'] },
  { name: 'tls-cert-file', path: ['tlsCertFile'] },
  { name: 'tls-private-key-file', path: ['tlsPrivateKeyFile'] },
];

const FIELD_LABELS = new Map(FIELDS.map((field) => [field.name, field.path.join('.')]));

/** A field's value as flag text: list fields joined with commas, as the flag takes them. */
function asFlagText(value: unknown, list: boolean): string | undefined {
  if (list) return Array.isArray(value) ? value.filter((item) => typeof item === 'string').join(',') : undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The kubelet settings of a KubeletConfiguration (kubelet.config.k8s.io/v1beta1), under the flag names. */
export function kubeletConfigSettings(resource: Resource): ComponentSettings[] {
  if (resource.kind !== 'KubeletConfiguration' || resource.apiVersion !== 'kubelet.config.k8s.io/v1beta1') return [];
  const occurrences: SettingOccurrence[] = FIELDS.flatMap(({ name, path, list }) => {
    const value = asFlagText(getIn(resource.object, path), list === true);
    return value === undefined ? [] : [{ name, value, path, label: path.join('.') }];
  });
  return [new ComponentSettings('kubelet', resource, 'kubelet-config', [], occurrences, (name) => KUBELET_CONFIG_DEFAULTS[name], (name) => FIELD_LABELS.get(name) ?? name)];
}
