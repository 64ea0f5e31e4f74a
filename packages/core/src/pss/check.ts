import type { Container, PodTemplate } from '../model/pod';
import type { FieldPath } from '../types';
import { asRecord } from '../values';

export type PssLevel = 'baseline' | 'restricted';

/** One offending field of a pod, with an upstream-style explanation. */
export interface PssViolation {
  path: FieldPath;
  /** e.g. `container "app" must not set securityContext.privileged=true`. */
  detail: string;
}

export type PssEvaluate = (pod: PodTemplate) => PssViolation[];

/** One revision of a check: it applies from `minVersion` until the next revision. */
export interface PssCheckVersion {
  minVersion: number;
  evaluate: PssEvaluate;
  /** Baseline checks this restricted revision replaces at restricted level. */
  overrides?: readonly string[];
}

/** A check of the upstream Pod Security Admission library, with every revision it has had. */
export interface PssCheck {
  /** The upstream check ID, e.g. `hostNamespaces`, `capabilities_restricted`. */
  id: string;
  level: PssLevel;
  /** Upstream's short forbidden reason, e.g. `host namespaces`. */
  reason: string;
  title: string;
  /** Markdown: what the check forbids and how to comply. */
  help: string;
  /** Strictly increasing minVersion. */
  versions: readonly PssCheckVersion[];
}

export function quote(name: string): string {
  return `"${name}"`;
}

/** A field that Go would decode to a non-nil pointer: present and not null. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** `container "x"` / `init container "x"`: upstream says `container` for all kinds; so do we. */
export function containerLabel(container: Container): string {
  return `container ${quote(container.name)}`;
}

export function securityContextPath(container: Container, ...fields: Array<string | number>): FieldPath {
  return [...container.path, 'securityContext', ...fields];
}

export function podSecurityContextPath(pod: PodTemplate, ...fields: Array<string | number>): FieldPath {
  return [...pod.specPath, 'securityContext', ...fields];
}

/** A sub-object of a security context, only when it is an object (what Go decodes as non-nil). */
export function contextObject(securityContext: Record<string, unknown>, field: string): Record<string, unknown> | undefined {
  return asRecord(securityContext[field]);
}

/** `spec.hostUsers: false`, set explicitly: the pod runs in a user namespace. */
export function inUserNamespace(pod: PodTemplate): boolean {
  return pod.spec.hostUsers === false;
}

/** The pod and each of its containers, as places that set security context fields. */
export interface Setter {
  /** `pod` or `container "app"`, as upstream names them. */
  who: string;
  securityContext: Record<string, unknown>;
  path(...fields: Array<string | number>): FieldPath;
}

export function podAndContainers(pod: PodTemplate): Setter[] {
  return [
    { who: 'pod', securityContext: pod.securityContext, path: (...fields) => podSecurityContextPath(pod, ...fields) },
    ...pod.containers.map((container) => ({
      who: containerLabel(container),
      securityContext: container.securityContext,
      path: (...fields: Array<string | number>) => securityContextPath(container, ...fields),
    })),
  ];
}
