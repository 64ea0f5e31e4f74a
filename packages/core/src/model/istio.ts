import { apiGroup } from './api-group';
import type { Resource } from './resource';
import { asRecord, asString, type JsonRecord } from '../values';
import type { RuleReference } from '../rules/rule';

/** Any Istio API: networking, security, telemetry, extensions, install, ... */
export function isIstioResource(resource: Resource): boolean {
  const group = apiGroup(resource);
  return group === 'istio.io' || group.endsWith('.istio.io');
}

export function isPeerAuthentication(resource: Resource): boolean {
  return resource.kind === 'PeerAuthentication' && apiGroup(resource) === 'security.istio.io';
}

export function specOf(resource: Resource): JsonRecord {
  return asRecord(resource.object.spec) ?? {};
}

/**
 * Namespace- or mesh-wide policy: Istio treats a missing selector and an empty `matchLabels`
 * alike (pilot's `addPeerAuthentication`).
 */
export function isNamespaceWide(policy: Resource): boolean {
  const selector = asRecord(specOf(policy).selector);
  const matchLabels = asRecord(selector?.matchLabels);
  return !matchLabels || Object.keys(matchLabels).length === 0;
}

/** `spec.mtls.mode` as written; undefined when absent (UNSET, inherited). */
export function mtlsMode(policy: Resource): string | undefined {
  return asString(asRecord(specOf(policy).mtls)?.mode);
}

export const ISTIO_REF = {
  peerAuthentication: {
    title: 'Istio: PeerAuthentication reference',
    url: 'https://istio.io/latest/docs/reference/config/security/peer_authentication/',
  },
  mutualTls: {
    title: 'Istio: Security concepts, mutual TLS authentication',
    url: 'https://istio.io/latest/docs/concepts/security/#mutual-tls-authentication',
  },
  mtlsMigration: {
    title: 'Istio: Mutual TLS migration',
    url: 'https://istio.io/latest/docs/tasks/security/authentication/mtls-migration/',
  },
  destinationRuleTls: {
    title: 'Istio: DestinationRule ClientTLSSettings',
    url: 'https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings',
  },
  sidecarInjection: {
    title: 'Istio: Installing the sidecar (injection controls)',
    url: 'https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/',
  },
  linkerdInjection: {
    title: 'Linkerd: Automatic proxy injection',
    url: 'https://linkerd.io/2/features/proxy-injection/',
  },
  securityBestPractices: {
    title: 'Istio: Security best practices',
    url: 'https://istio.io/latest/docs/ops/best-practices/security/',
  },
} as const satisfies Record<string, RuleReference>;
