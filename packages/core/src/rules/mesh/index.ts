import type { AnyRule } from '../rule';

/** The rules of this group, in any order (the registry sorts them). */
export const MESH_RULES: readonly AnyRule[] = [];
