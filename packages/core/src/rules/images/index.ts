import type { AnyRule } from '../rule';
import { imageLatestTag } from './image-latest-tag';
import { imageNotPinnedByDigest } from './image-not-pinned-by-digest';

/** The rules of category `images` (the registry sorts them). */
export const IMAGE_RULES: readonly AnyRule[] = [
  imageLatestTag,
  imageNotPinnedByDigest,
] as readonly AnyRule[];
