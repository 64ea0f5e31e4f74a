import type Ajv from 'ajv';
import type { Options } from 'ajv';

/**
 * A new ajv instance, the module loaded on first use: most runs (no configuration file, no rule
 * options, no CRDs) never need ajv, and loading it is a good part of start-up.
 */
export function createAjv(options: Options): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred load, see above
  const { default: AjvClass } = require('ajv') as { default: typeof Ajv };
  return new AjvClass(options);
}
