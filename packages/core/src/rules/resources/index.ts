import type { AnyRule } from '../rule';
import { missingProbes } from './missing-probes';
import { missingResourceLimits } from './missing-resource-limits';
import { missingResourceRequests } from './missing-resource-requests';

/** The rules of category `resources` (the registry sorts them). */
export const RESOURCE_RULES: readonly AnyRule[] = [
  missingProbes,
  missingResourceLimits,
  missingResourceRequests,
] as readonly AnyRule[];
