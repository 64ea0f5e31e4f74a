import { fileUnreadable } from './syntax/file-unreadable';
import { symlinkNotFollowed } from './syntax/symlink-not-followed';
import { yamlSyntax } from './syntax/yaml-syntax';

export const YAML_SYNTAX_RULE_ID = yamlSyntax.meta.id;
export const FILE_UNREADABLE_RULE_ID = fileUnreadable.meta.id;
export const SYMLINK_NOT_FOLLOWED_RULE_ID = symlinkNotFollowed.meta.id;
