import type { Container } from './pod';
import type { FieldPath } from '../types';
import { asArray, asName, asRecord, type JsonRecord } from '../values';

export interface EnvEntry {
  /** The variable's name; `env[2]` when it has none. */
  name: string;
  entry: JsonRecord;
  path: FieldPath;
}

/** The well-formed entries of a container's `env` list. */
export function envEntries(container: Container): EnvEntry[] {
  return asArray(container.spec.env).flatMap((item, index): EnvEntry[] => {
    const entry = asRecord(item);
    if (!entry) return [];
    return [{ name: asName(entry.name) ?? `env[${index}]`, entry, path: [...container.path, 'env', index] }];
  });
}
