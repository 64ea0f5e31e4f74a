import type { Container } from '../model/pod';
import type { RuleContext } from './rule';
import { describeContainer, forEachContainer } from './visit';
import type { FieldPath } from '../types';
import { asRecord } from '../values';

export type ComputeResource = 'cpu' | 'memory';

export interface ResourceOptions {
  /** Which compute resources must be set. */
  resources: ComputeResource[];
}

export const RESOURCE_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    resources: { type: 'array', items: { enum: ['cpu', 'memory'] }, uniqueItems: true },
  },
} as const;

/** Ephemeral containers cannot declare resources, so only init and regular containers count. */
export function declaresResources(container: Container): boolean {
  return container.kind !== 'ephemeralContainer';
}

function isSet(section: Record<string, unknown> | undefined, resource: ComputeResource): boolean {
  const value = section?.[resource];
  return value !== undefined && value !== null && value !== '';
}

/**
 * The resources of `wanted` that a container leaves unset in `resources.<field>`, and the path to
 * report. Kubernetes copies a limit into an unset request, so a limit counts as a request.
 */
export function missingResources(
  container: Container,
  field: 'limits' | 'requests',
  wanted: readonly ComputeResource[],
): { missing: ComputeResource[]; path: FieldPath } {
  const resources = asRecord(container.spec.resources);
  const section = asRecord(resources?.[field]);
  const limits = asRecord(resources?.limits);
  const missing = wanted.filter((r) => !isSet(section, r) && !(field === 'requests' && isSet(limits, r)));
  const base = [...container.path, 'resources', field];
  return { missing, path: missing.length === 1 && missing[0] ? [...base, missing[0]] : base };
}

/** The check shared by missing-resource-limits and missing-resource-requests. */
export function checkResources(field: 'limits' | 'requests') {
  const noun = field === 'limits' ? 'limit' : 'request';
  return (context: RuleContext<ResourceOptions>): void => {
    forEachContainer(context, (container, pod) => {
      if (!declaresResources(container)) return;
      const { missing, path } = missingResources(container, field, context.options.resources);
      if (missing.length === 0) return;
      context.report(pod.resource, path, `${describeContainer(container)} has no ${missing.join(' or ')} ${noun}`);
    });
  };
}
