import { ConfigError } from '../errors';
import { asArray, asRecord } from '../values';
import type { Locate } from './config-yaml';
import { keyOf } from './schema-messages';

/** What each field of a `workloads:` entry must look like, and how to say so (the value is never quoted). */
const FIELD_SHAPES: ReadonlyArray<readonly [field: string, pattern: RegExp, problem: string]> = [
  ['apiVersion', /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?v[0-9]+((alpha|beta)[0-9]+)?$/, 'is not an apiVersion such as example.com/v1'],
  ['kind', /^[A-Za-z][A-Za-z0-9]*$/, 'is not a kind such as Worker'],
  ['podSpecPath', /^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/, 'is not a dotted path of keys such as spec.template.spec'],
];

/**
 * Entries of `workloads:` whose apiVersion, kind or podSpecPath is malformed, or that declare a
 * kind twice, by key and position. Run before the schema (whose patterns say the same for
 * editors) so that the message has a position; other shapes are left to the schema.
 */
export function checkWorkloadEntries(value: unknown, shown: string, locate: Locate): void {
  const seen = new Map<string, number>();
  asArray(asRecord(value)?.workloads).forEach((entry, index) => {
    const record = asRecord(entry);
    for (const [field, pattern, problem] of FIELD_SHAPES) {
      const text = record?.[field];
      if (typeof text === 'string' && !pattern.test(text)) throw located(shown, locate, ['workloads', String(index), field], problem);
    }
    if (typeof record?.apiVersion !== 'string' || typeof record.kind !== 'string') return;
    const key = `${record.apiVersion} ${record.kind}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) throw located(shown, locate, ['workloads', String(index), 'kind'], `declares the same apiVersion and kind as workloads[${earlier}]`);
    seen.set(key, index);
  });
}

function located(shown: string, locate: Locate, key: string[], problem: string): ConfigError {
  const position = locate(key);
  return new ConfigError(`${shown}: ${keyOf(`/${key.join('/')}`)}: the value${position ? ` at line ${position.line}, column ${position.col}` : ''} ${problem}`);
}
