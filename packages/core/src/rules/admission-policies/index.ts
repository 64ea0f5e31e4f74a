import type { AnyRule } from '../rule';
import { validatingAdmissionPolicy } from './vap';

/** The rules of this group, in any order (the registry sorts them). */
export const ADMISSION_POLICY_RULES: readonly AnyRule[] = [validatingAdmissionPolicy];
