import { existsSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_SCHEMA_FILE_NAME = 'config.schema.json';

/**
 * Where the config JSON schema lives, given the directory of the compiled config module.
 * In the package layout that is `dist/config/` (or `src/config/` under ts-jest) and the schema
 * is `../../schema/`; in the single-file bundle (`bin/k8s-lint.cjs`) every module shares the
 * bundle's directory and the bundle script copies the schema next to it.
 */
export function resolveConfigSchemaPath(moduleDir: string): string {
  const besideBundle = path.join(moduleDir, CONFIG_SCHEMA_FILE_NAME);
  if (existsSync(besideBundle)) return besideBundle;
  return path.join(moduleDir, '..', '..', 'schema', CONFIG_SCHEMA_FILE_NAME);
}
