import type { Resource } from './resource';
import type { FieldPath } from '../types';
import { asArray, asRecord, asString, type JsonRecord } from '../values';

/** One provider of a `resources` entry: its type (`identity`, `aescbc`, `kms`...) and settings. */
export interface EncryptionProvider {
  type: string;
  settings: JsonRecord;
  /** Path of the type key, e.g. `resources[0].providers[1].aescbc`. */
  path: FieldPath;
}

/** One entry of `resources`: the resources it covers, and its providers in order (the first encrypts). */
export interface EncryptionEntry {
  resources: string[];
  providers: EncryptionProvider[];
  path: FieldPath;
}

/** Providers whose keys are base64 of these many bytes (AES-128/192/256; XSalsa20 takes 32). */
export const KEY_LENGTHS: Readonly<Record<string, readonly number[]>> = {
  aescbc: [16, 24, 32],
  aesgcm: [16, 24, 32],
  secretbox: [32],
};

/** An apiserver EncryptionConfiguration (apiserver.config.k8s.io/v1), the file `--encryption-provider-config` names. */
export function isEncryptionConfig(resource: Resource): boolean {
  return resource.kind === 'EncryptionConfiguration' && resource.apiVersion === 'apiserver.config.k8s.io/v1';
}

export function encryptionEntries(resource: Resource): EncryptionEntry[] {
  return asArray(resource.object.resources).map((item, index) => {
    const entry = asRecord(item) ?? {};
    const path: FieldPath = ['resources', index];
    const providers = asArray(entry.providers).flatMap((provider, at): EncryptionProvider[] => {
      // Each provider is a mapping with one key, its type.
      const [type] = Object.keys(asRecord(provider) ?? {});
      if (type === undefined) return [];
      return [{ type, settings: asRecord(asRecord(provider)?.[type]) ?? {}, path: [...path, 'providers', at, type] }];
    });
    const resources = asArray(entry.resources).flatMap((name) => (typeof name === 'string' ? [name] : []));
    return { resources, providers, path };
  });
}

/**
 * Whether a `resources` name covers a resource of a group (`''` for the core group): the name
 * itself (`secrets`, `deployments.apps`), `*.<group>` (`*.` is the core group) or `*.*`.
 */
export function coversResource(name: string, resource: string, group: string): boolean {
  const qualified = group === '' ? resource : `${resource}.${group}`;
  return name === qualified || name === `*.${group}` || name === '*.*';
}

/** The entry that decides how a resource is stored: the first that covers it, as the API server reads them. */
export function entryFor(entries: readonly EncryptionEntry[], resource: string, group: string): EncryptionEntry | undefined {
  return entries.find((entry) => entry.resources.some((name) => coversResource(name, resource, group)));
}

/** The keys of a key-based provider, with the path of each. */
export function providerKeys(provider: EncryptionProvider): Array<{ name: string | undefined; secret: unknown; path: FieldPath }> {
  return asArray(provider.settings.keys).map((item, index) => {
    const key = asRecord(item) ?? {};
    return { name: asString(key.name), secret: key.secret, path: [...provider.path, 'keys', index] };
  });
}

/** How many bytes a key decodes to, or undefined when it is not canonical base64 (padding included). */
export function decodedKeyLength(secret: unknown): number | undefined {
  if (typeof secret !== 'string' || secret.length === 0 || secret.length % 4 !== 0) return undefined;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(secret)) return undefined;
  return Buffer.from(secret, 'base64').length;
}
