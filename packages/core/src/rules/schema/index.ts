import type { AnyRule } from '../rule';
import { schemaInvalid } from './schema-invalid';
import { workloadKindInferred } from './workload-kind-inferred';

/** Offline validation against the Kubernetes schemas and the CRDs of the linted set; kinds taken for workloads by their shape. */
export const SCHEMA_RULES: readonly AnyRule[] = [schemaInvalid, workloadKindInferred];
