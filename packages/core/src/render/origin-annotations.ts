import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMap, parse, parseAllDocuments } from 'yaml';
import type { ObjectRef } from '../types';
import { asName, asRecord, asString } from '../values';
import { realPathOf } from './local-path';
import type { RunResult } from './runner';

/** The annotation kustomize's `buildMetadata: [originAnnotations]` adds to every rendered object. */
export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

/** Where kustomize says a rendered object comes from, as absolute paths under the root as given. */
export interface Origin {
  /** The resource file that defines it (null for generated objects and remote ones). */
  file: string | null;
  /** The kustomization whose generator made it (null for objects read from files). */
  configuredIn: string | null;
}

export type Origins = ReadonlyMap<string, Origin>;

/** What identifies a rendered object: kustomize refuses two with the same. */
export function objectKey(ref: Pick<ObjectRef, 'apiVersion' | 'kind' | 'namespace' | 'name'>): string {
  return [ref.apiVersion, ref.kind, ref.namespace ?? '', ref.name ?? ''].join('\0');
}

/** What the source map needs: whether it traces every object without help, and the origins when it does not. */
export interface OriginConsumer {
  isCertain(ref: ObjectRef): boolean;
  useOrigins(origins: Origins): void;
}

/**
 * The rendered text rules see, after feeding the source map the origins of its objects: read
 * from the output when the kustomization asks kustomize for them itself (and then removed, so
 * that rules see the objects as they are applied), else, when some object cannot be traced by
 * its name, from a second render of a generated wrapper kustomization in a temporary directory
 * that lists the root and asks for them. The user's files are never touched.
 */
export async function withOrigins(sources: OriginConsumer, root: string, rendered: string, render: (directory: string) => Promise<RunResult>): Promise<string> {
  const realRoot = realPathOf(root);
  if (realRoot === null) return rendered;
  const asked = rendered.includes(ORIGIN_ANNOTATION) ? originsIn(rendered, realRoot, realRoot, root) : new Map<string, Origin>();
  if (asked.size > 0) {
    sources.useOrigins(asked);
    return withoutOrigins(rendered);
  }
  if (objectsIn(rendered).every((ref) => sources.isCertain(ref))) return rendered;
  const wrapper = wrapperFor(realRoot);
  if (!wrapper) return rendered;
  try {
    const result = await render(wrapper.directory);
    if (result.exitCode === 0) sources.useOrigins(originsIn(result.stdout, wrapper.directory, realRoot, root));
  } finally {
    rmSync(wrapper.directory, { recursive: true, force: true });
  }
  return rendered;
}

/**
 * A kustomization in a new temporary directory that renders the root with origin annotations.
 * kustomize takes no absolute path in `resources`, so the root is named relative to it; null
 * where no relative path leads there (another drive) or the directory cannot be written.
 */
function wrapperFor(realRoot: string): { directory: string } | null {
  let directory: string;
  try {
    directory = realPathOf(mkdtempSync(path.join(os.tmpdir(), 'k8s-lint-origins-'))) ?? '';
  } catch {
    return null;
  }
  const relative = path.relative(directory, realRoot).split(path.sep).join('/');
  if (directory === '' || path.isAbsolute(relative)) {
    if (directory !== '') rmSync(directory, { recursive: true, force: true });
    return null;
  }
  writeFileSync(path.join(directory, 'kustomization.yaml'), `resources:\n  - ${JSON.stringify(relative)}\nbuildMetadata: [originAnnotations]\n`);
  return { directory };
}

function documentsOf(text: string): unknown[] {
  try {
    return parseAllDocuments(text).flatMap((document) => ('errors' in document && document.errors.length > 0 ? [] : [document.toJS({ maxAliasCount: 100 }) as unknown]));
  } catch {
    return [];
  }
}

function refOf(value: unknown): ObjectRef | null {
  const object = asRecord(value);
  const metadata = asRecord(object?.metadata);
  const apiVersion = asString(object?.apiVersion);
  const kind = asString(object?.kind);
  if (!apiVersion || !kind) return null;
  return { apiVersion, kind, namespace: asName(metadata?.namespace) || null, name: asName(metadata?.name) ?? null };
}

function objectsIn(text: string): ObjectRef[] {
  return documentsOf(text).flatMap((value) => refOf(value) ?? []);
}

/**
 * Origins of the rendered objects, by object. kustomize writes paths relative to the
 * kustomization it built (`base`, a real directory); they are turned into paths under the root
 * as the user named it, like every other path of the source map.
 */
function originsIn(text: string, base: string, realRoot: string, root: string): Map<string, Origin> {
  const origins = new Map<string, Origin>();
  const underRoot = (relative: string | undefined): string | null => (relative ? path.resolve(root, path.relative(realRoot, path.resolve(base, relative))) : null);
  for (const value of documentsOf(text)) {
    const ref = refOf(value);
    const annotation = asString(asRecord(asRecord(asRecord(value)?.metadata)?.annotations)?.[ORIGIN_ANNOTATION]);
    if (!ref || annotation === undefined) continue;
    let origin: unknown;
    try {
      origin = parse(annotation);
    } catch {
      continue;
    }
    const record = asRecord(origin);
    // A remote resource (`repo:`) has a path inside that repository, not here.
    if (!record || record.repo !== undefined) continue;
    origins.set(objectKey(ref), { file: underRoot(asString(record.path)), configuredIn: underRoot(asString(record.configuredIn)) });
  }
  return origins;
}

const ANNOTATIONS = ['metadata', 'annotations'];

/** The rendered text without origin annotations (and without `annotations:` left empty by their removal); as it is when it cannot be rewritten. */
function withoutOrigins(text: string): string {
  try {
    return parseAllDocuments(text)
      .map((document) => {
        if ('errors' in document && document.errors.length > 0) throw new Error('unparsable rendered output');
        const annotations: unknown = document.getIn(ANNOTATIONS);
        if (!isMap(annotations) || !annotations.has(ORIGIN_ANNOTATION)) return String(document);
        annotations.delete(ORIGIN_ANNOTATION);
        if (annotations.items.length === 0) document.deleteIn(ANNOTATIONS);
        return String(document);
      })
      .join('');
  } catch {
    return text;
  }
}
