import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let file: string | undefined;

/**
 * A configuration file outside any repository that only says `extends: [strict]`: for tests of
 * the pipeline (placement, rendering, mapping) that follow rules the default preset leaves to
 * `strict`. Pass it as `--config <file>`.
 */
export function strictConfigFile(): string {
  if (file === undefined) {
    file = path.join(mkdtempSync(path.join(tmpdir(), 'k8s-lint-strict-')), 'strict.yaml');
    writeFileSync(file, 'extends: [strict]\n');
  }
  return file;
}
