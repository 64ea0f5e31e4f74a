import type { ErrorObject } from 'ajv';
import type { Locate, Position } from './config-yaml';
import { nearMiss } from './near-miss';

/**
 * Messages for schema errors in the configuration. They name the key path and say what is wrong,
 * and never quote what was written: a configuration may be hostile, or not a configuration at all
 * (a credentials file named by mistake). Keys the user chose are shown only when they are a typo
 * of a known key (`did you mean "rules"?`); other unknown keys are shown by their position.
 */

/** `a.b[0]`-style key for a JSON pointer such as `/rules/run-as-root`. */
export function keyOf(instancePath: string, extra?: string): string {
  const parts = segmentsOf(instancePath);
  if (extra !== undefined) parts.push(extra);
  return parts.map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`)).join('') || '(top level)';
}

/** The decoded segments of a JSON pointer. */
export function segmentsOf(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * One readable line for the most specific schema error (oneOf branches produce several).
 * `locate` finds keys in the configuration text; without it (rule options, checked after the
 * text is gone) an unknown key is named by its parent and the keys allowed there. Errors must
 * come from an ajv compiled with `verbose: true`, which gives each its schema.
 */
export function describeSchemaError(errors: readonly ErrorObject[], locate?: Locate): string {
  const error = [...errors].sort((a, b) => rank(a) - rank(b))[0];
  if (!error) return 'invalid configuration';
  const parent = keyOf(error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKey(error, String((error.params as { additionalProperty: string }).additionalProperty), locate);
    case 'enum':
      return `${parent}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')}`;
    case 'propertyNames':
      return `${parent}: the key${where(locate?.(segmentsOf(error.instancePath), String((error.params as { propertyName: string }).propertyName)))} is not a valid name`;
    default:
      // An error about a key's name (inside propertyNames) names that key by its position.
      if (error.propertyName !== undefined) return `${parent}: the key${where(locate?.(segmentsOf(error.instancePath), error.propertyName))} ${error.message ?? 'is invalid'}`;
      return `${parent}: ${error.message ?? 'is invalid'}`;
  }
}

function unknownKey(error: ErrorObject, key: string, locate: Locate | undefined): string {
  const allowed = Object.keys(asProperties((error.parentSchema as { properties?: unknown } | undefined)?.properties));
  const typo = /^[\x21-\x7e]+$/.test(key) ? nearMiss(key, allowed) : undefined;
  const position = where(locate?.(segmentsOf(error.instancePath), key));
  if (typo !== undefined) return `${keyOf(error.instancePath, key)}: unknown key${position} (did you mean "${typo}"?)`;
  const hint = allowed.length === 0 ? '' : ` (allowed: ${allowed.join(', ')})`;
  return `${keyOf(error.instancePath)}: unknown key${position}${hint}`;
}

function asProperties(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function where(position: Position | undefined): string {
  return position ? ` at line ${position.line}, column ${position.col}` : '';
}

// Prefer the error that says most: a wrong value in an enum or an unknown key over a failed oneOf.
function rank(error: ErrorObject): number {
  const order = ['additionalProperties', 'enum', 'type', 'pattern', 'propertyNames', 'oneOf'];
  const index = order.indexOf(error.keyword);
  return (index < 0 ? order.length : index) - error.instancePath.split('/').length * 10;
}
