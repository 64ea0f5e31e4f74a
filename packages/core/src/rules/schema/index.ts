import type { AnyRule } from '../rule';
import { schemaInvalid } from './schema-invalid';

/** Offline validation against the Kubernetes schemas and the CRDs of the linted set. */
export const SCHEMA_RULES: readonly AnyRule[] = [schemaInvalid];
