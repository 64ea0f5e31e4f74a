import type { FieldPath } from '../../types';
import type { SettingOccurrence } from './component-settings';

/**
 * Boolean flags of the components: as in Go's flag and pflag packages, `--profiling false` does
 * not read `false` as the value (the flag is true and `false` a stray argument).
 */
const BOOLEAN_FLAGS = new Set([
  'anonymous-auth', 'profiling', 'kubelet-https', 'client-cert-auth', 'peer-client-cert-auth', 'auto-tls', 'peer-auto-tls',
  'protect-kernel-defaults', 'make-iptables-util-chains', 'rotate-certificates', 'use-service-account-credentials',
  'service-account-lookup', 'allow-privileged',
]);

/** A command-line item: its text (numbers written unquoted are read as text) and its field path. */
export interface CommandItem {
  text: string | undefined;
  path: FieldPath;
}

export function commandItems(list: unknown, path: FieldPath): CommandItem[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown, index) => ({
    text: typeof item === 'string' ? item : typeof item === 'number' || typeof item === 'boolean' ? String(item) : undefined,
    path: [...path, index],
  }));
}

/**
 * Flags of a command line: `--name=value` (the value's path is the item's), `--name value` (the
 * next item's) and a lone boolean `--name` (true, at the item). Other items are not flags.
 * `singleDash`: Go's flag package (etcd) also reads `-name`; pflag (Kubernetes) reads it as
 * shorthand letters.
 */
export function parseFlags(items: readonly CommandItem[], singleDash = false): SettingOccurrence[] {
  const flags: SettingOccurrence[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const text = item.text?.trim();
    const dashes = text?.startsWith('--') ? 2 : singleDash && text?.startsWith('-') ? 1 : 0;
    if (!text || dashes === 0 || text.length === dashes || text === '--') continue;
    const equals = text.indexOf('=');
    const name = equals >= 0 ? text.slice(dashes, equals) : text.slice(dashes);
    const label = `${'-'.repeat(dashes)}${name}`;
    if (equals >= 0) {
      flags.push({ name, value: text.slice(equals + 1), path: item.path, label });
      continue;
    }
    const next = items[i + 1];
    const nextText = next?.text;
    if (!BOOLEAN_FLAGS.has(name) && next && nextText !== undefined && !nextText.trim().startsWith('-')) {
      flags.push({ name, value: nextText.trim(), path: next.path, label });
      i++;
    } else {
      flags.push({ name, value: BOOLEAN_FLAGS.has(name) ? 'true' : '', path: item.path, label });
    }
  }
  return flags;
}
