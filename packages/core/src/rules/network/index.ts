import type { AnyRule } from '../rule';
import { hostPort } from './host-port';
import { ingressWithoutTls } from './ingress-without-tls';
import { loadbalancerSourceRanges } from './loadbalancer-source-ranges';
import { missingDefaultDeny } from './missing-default-deny';
import { networkPolicyAllowAll } from './network-policy-allow-all';
import { networkPolicySelectsNothing } from './network-policy-selects-nothing';
import { nodeportService } from './nodeport-service';
import { serviceExternalIps } from './service-external-ips';
import { serviceSelectorMatchesNothing } from './service-selector-matches-nothing';

/** The rules of this group, in any order (the registry sorts them). */
export const NETWORK_RULES: readonly AnyRule[] = [
  missingDefaultDeny,
  networkPolicyAllowAll,
  networkPolicySelectsNothing,
  serviceSelectorMatchesNothing,
  loadbalancerSourceRanges,
  nodeportService,
  ingressWithoutTls,
  serviceExternalIps,
  hostPort,
] as readonly AnyRule[];
