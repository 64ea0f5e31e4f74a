import type { AnyRule } from '../rule';
import { fileUnreadable } from './file-unreadable';
import { renderError } from './render-error';
import { symlinkNotFollowed } from './symlink-not-followed';
import { yamlSyntax } from './yaml-syntax';

/** The rules of category `syntax` (the registry sorts them). */
export const SYNTAX_RULES: readonly AnyRule[] = [
  fileUnreadable,
  renderError,
  symlinkNotFollowed,
  yamlSyntax,
] as readonly AnyRule[];
