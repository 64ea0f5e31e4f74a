import type { AnyRule } from '../rule';
import { istioDestinationRuleTlsDisabled } from './istio-destination-rule-tls-disabled';
import { istioMtlsNotStrict } from './istio-mtls-not-strict';
import { istioMtlsPermissive } from './istio-mtls-permissive';
import { meshInjectionDisabled } from './mesh-injection-disabled';

/** The rules of this group, in any order (the registry sorts them). */
export const MESH_RULES: readonly AnyRule[] = [
  istioMtlsPermissive,
  istioMtlsNotStrict,
  istioDestinationRuleTlsDisabled,
  meshInjectionDisabled,
];
