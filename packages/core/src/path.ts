import type { FieldPath } from './types';

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Formats a field path the way kubectl explain and users write it: `a.b[0].c`, `x["k8s.io/y"]`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
