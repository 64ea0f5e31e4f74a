import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file was not read: the caller words the message (a finding for manifests, an error for the configuration). */
export type ReadProblem =
  | { kind: 'error'; code: string }
  | { kind: 'not-a-file' }
  /** `size` null: the file turned out longer than fstat said, so its real size is not known. */
  | { kind: 'too-large'; size: number | null };

/**
 * The file's bytes, read once and never more than `maxBytes` of them: the one way k8s-lint reads
 * a file that someone else may have put there (manifests, the configuration). A FIFO, socket,
 * device or directory is never read, and an open never waits. `followLinks: false` refuses a
 * symbolic link in the file's place.
 */
export function readBounded(absolutePath: string, maxBytes: number, options: { followLinks?: boolean } = {}): Buffer | ReadProblem {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO put in place of a file must not wait for a writer.
    const noFollow = options.followLinks === false ? constants.O_NOFOLLOW : 0;
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK | noFollow);
  } catch (error) {
    return { kind: 'error', code: codeOf(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not-a-file' };
    if (stat.size > maxBytes) return { kind: 'too-large', size: stat.size };
    // Read to the end rather than trusting the size: a growing file or a kernel file (size 0)
    // holds more than fstat says. Never more than maxBytes + 1 bytes are held.
    let bytes = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read === 0) break;
      filled += read;
      if (filled > maxBytes) return { kind: 'too-large', size: null };
      if (filled === bytes.length) {
        const grown = Buffer.allocUnsafe(Math.min(bytes.length * 2, maxBytes + 1));
        bytes.copy(grown, 0, 0, filled);
        bytes = grown;
      }
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    return { kind: 'error', code: codeOf(error) };
  } finally {
    closeSync(fd);
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
