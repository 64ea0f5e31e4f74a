import type { AnyRule } from '../rule';
import { hostPort } from './host-port';
import { ingressWithoutTls } from './ingress-without-tls';
import { loadbalancerSourceRanges } from './loadbalancer-source-ranges';
import { nodeportService } from './nodeport-service';
import { serviceExternalIps } from './service-external-ips';

/** The rules of category `exposure` (the registry sorts them). */
export const EXPOSURE_RULES: readonly AnyRule[] = [
  hostPort,
  ingressWithoutTls,
  loadbalancerSourceRanges,
  nodeportService,
  serviceExternalIps,
] as readonly AnyRule[];
