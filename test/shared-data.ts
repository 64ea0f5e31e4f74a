import { existsSync } from 'node:fs';
import path from 'node:path';

/** `../shared/` beside the project root: data every test may use. */
export const SHARED_DIR = path.resolve(__dirname, '..', '..', 'shared');

/** The path of a shared data directory; throws (failing the test) with a clear message when it is missing. */
export function requireSharedDir(relative: string): string {
  const dir = path.join(SHARED_DIR, relative);
  if (!existsSync(dir)) {
    throw new Error(`shared test data is missing: expected ${dir} (the ../shared/ directory beside the project root)`);
  }
  return dir;
}
