import type { FieldPath } from '../types';
import { asArray, asRecord, asString } from '../values';

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Whether a field path is a container's `image` (in a pod spec or a template). */
export function isContainerImage(fieldPath: FieldPath): boolean {
  const length = fieldPath.length;
  return length >= 3 && fieldPath[length - 1] === 'image' && typeof fieldPath[length - 2] === 'number' && CONTAINER_LISTS.has(String(fieldPath[length - 3]));
}

/** An image reference without its tag or digest (`registry:5000/app:1.0` is `registry:5000/app`). */
export function imageName(image: string): string {
  const withoutDigest = image.split('@')[0] ?? image;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

/**
 * The `images` entry of a kustomization that made `rendered` out of `written` (the image as
 * written in the source, when known): the one whose `name` is the written image's name and
 * whose new name is the rendered one's, at the field that changed it (`digest`, `newTag`,
 * `newName`). Null when none does, or when several could have.
 */
export function imageEntryPath(images: unknown, written: string | null, rendered: string): FieldPath | null {
  const renderedName = imageName(rendered);
  const matches: FieldPath[] = [];
  asArray(images).forEach((item, index) => {
    const entry = asRecord(item);
    const name = asString(entry?.name);
    if (!entry || !name) return;
    if (written !== null && imageName(written) !== name) return;
    const newName = asString(entry.newName) ?? name;
    if (newName !== renderedName) return;
    const field = rendered.includes('@') && entry.digest !== undefined ? 'digest' : entry.newTag !== undefined ? 'newTag' : entry.newName !== undefined ? 'newName' : null;
    matches.push(field ? ['images', index, field] : ['images', index]);
  });
  return matches.length === 1 ? (matches[0] ?? null) : null;
}
