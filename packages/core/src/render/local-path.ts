import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isInsideDirectory } from '../load/repository';

/** Where a local kustomize path leads, or why it must not be followed. */
export type LocalPath =
  | { ok: true; target: string; kind: 'file' | 'directory' | 'missing' }
  | { ok: false; reason: 'absolute' | 'outside' | 'link-outside' | 'unresolvable' | 'special' };

/**
 * Resolves `value` the way kustomize does (joined to the kustomization's real directory and
 * cleaned, then symbolic links evaluated) and says whether it stays inside `boundary` (a real
 * path). A path that does not exist yet is resolved through its nearest existing ancestor, so a
 * link on the way still counts; kustomize reports the missing file itself.
 */
export function resolveLocalPath(directory: string, value: string, boundary: string): LocalPath {
  if (path.isAbsolute(value)) return { ok: false, reason: 'absolute' };
  const lexical = path.resolve(directory, value);
  if (!isInsideDirectory(boundary, lexical)) return { ok: false, reason: 'outside' };
  const real = realPathOf(lexical);
  if (real === null) return { ok: false, reason: 'unresolvable' };
  if (!isInsideDirectory(boundary, real)) return { ok: false, reason: 'link-outside' };
  let stat;
  try {
    stat = statSync(real);
  } catch {
    return { ok: true, target: real, kind: 'missing' };
  }
  if (stat.isDirectory()) return { ok: true, target: real, kind: 'directory' };
  // A FIFO would block kustomize (and any reader) until the render times out; a device never ends.
  if (!stat.isFile()) return { ok: false, reason: 'special' };
  return { ok: true, target: real, kind: 'file' };
}

/**
 * The real path of `absolute`, or for a path that does not exist, the real path of its nearest
 * existing ancestor joined with the rest. Null when a link on the way leads nowhere or loops.
 */
export function realPathOf(absolute: string): string | null {
  try {
    return realpathSync.native(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return null;
  }
  const parent = path.dirname(absolute);
  if (parent === absolute) return null;
  const realParent = realPathOf(parent);
  if (realParent === null) return null;
  const candidate = path.join(realParent, path.basename(absolute));
  try {
    // It exists, yet realpath failed: a link that leads nowhere.
    lstatSync(candidate);
    return null;
  } catch {
    return candidate;
  }
}
