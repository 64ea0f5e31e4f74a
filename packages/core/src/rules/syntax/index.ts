import type { AnyRule } from '../rule';
import { fileUnreadable } from './file-unreadable';
import { helmChartNotRendered } from './helm-chart-not-rendered';
import { renderError } from './render-error';
import { symlinkNotFollowed } from './symlink-not-followed';
import { yamlSyntax } from './yaml-syntax';

/** The rules of category `syntax` (the registry sorts them). */
export const SYNTAX_RULES: readonly AnyRule[] = [
  fileUnreadable,
  helmChartNotRendered,
  renderError,
  symlinkNotFollowed,
  yamlSyntax,
] as readonly AnyRule[];
