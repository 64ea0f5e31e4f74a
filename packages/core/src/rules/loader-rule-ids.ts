import { fileUnreadable } from './file-unreadable';
import { symlinkNotFollowed } from './symlink-not-followed';
import { yamlSyntax } from './yaml-syntax';

export const YAML_SYNTAX_RULE_ID = yamlSyntax.meta.id;
export const FILE_UNREADABLE_RULE_ID = fileUnreadable.meta.id;
export const SYMLINK_NOT_FOLLOWED_RULE_ID = symlinkNotFollowed.meta.id;
