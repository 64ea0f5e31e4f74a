import { LabelIndex } from './label-index';
import type { PodTemplate } from './pod';
import type { Resource } from './resource';
import { asName, asRecord, type JsonRecord } from '../values';
import type { RuleContext } from '../rules/rule';

/** The only served NetworkPolicy version: any other apiVersion is rejected and isolates nothing. */
export function isNetworkPolicy(resource: Resource): boolean {
  return resource.kind === 'NetworkPolicy' && resource.apiVersion === 'networking.k8s.io/v1';
}

export function isService(resource: Resource): boolean {
  return resource.kind === 'Service' && resource.apiVersion === 'v1';
}

/** Appends `item` to the list of `key`, creating it. */
export function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Pod templates of the workloads of the run, by namespace: built once so that matching stays linear. */
export function workloadPodsByNamespace(context: RuleContext<unknown>): Map<string, PodTemplate[]> {
  const index = new Map<string, PodTemplate[]>();
  for (const pod of context.podTemplates) {
    // Blueprints (PodTemplate, ClusterWorkflowTemplate) run no pods of their own.
    if (pod.createsPods) push(index, pod.resource.namespaceKey, pod);
  }
  return index;
}

/** The same pod templates as `workloadPodsByNamespace`, indexed by labels within each namespace. */
export function workloadPodIndex(context: RuleContext<unknown>): Map<string, LabelIndex<PodTemplate>> {
  const index = new Map<string, LabelIndex<PodTemplate>>();
  for (const [namespace, pods] of workloadPodsByNamespace(context)) {
    const labels = new LabelIndex<PodTemplate>();
    for (const pod of pods) labels.add(pod, pod.labels);
    index.set(namespace, labels);
  }
  return index;
}

/** Resources passing `filter`, by namespace, in the order of `context.resources`. */
export function resourcesByNamespace(context: RuleContext<unknown>, filter: (resource: Resource) => boolean): Map<string, Resource[]> {
  const index = new Map<string, Resource[]>();
  for (const resource of context.resources) {
    if (filter(resource)) push(index, resource.namespaceKey, resource);
  }
  return index;
}

/**
 * A LabelSelector that selects every pod: absent, null, `{}`, or with empty `matchLabels` and
 * `matchExpressions`. Malformed shapes are not empty (the API server would refuse them).
 */
export function isEmptySelector(selector: unknown): boolean {
  if (selector === undefined || selector === null) return true;
  const record = asRecord(selector);
  if (!record) return false;
  const isNull = (value: unknown): boolean => value === undefined || value === null;
  const labels = asRecord(record.matchLabels);
  const noLabels = isNull(record.matchLabels) || (labels !== undefined && Object.keys(labels).length === 0);
  const noExpressions = isNull(record.matchExpressions) || (Array.isArray(record.matchExpressions) && record.matchExpressions.length === 0);
  return noLabels && noExpressions;
}

/** Whether a Service's plain `selector` map (not a LabelSelector) matches a set of labels. */
export function labelMapMatches(selector: JsonRecord, labels: JsonRecord): boolean {
  return Object.entries(selector).every(([key, value]) => {
    // As in selectorMatches: null decodes to "", anything else must be a scalar.
    const wanted = value === null ? '' : asName(value);
    return wanted !== undefined && Object.prototype.hasOwnProperty.call(labels, key) && asName(labels[key]) === wanted;
  });
}

/** A CIDR of prefix length 0 covers every address of its family (`0.0.0.0/0`, `::/0`). */
export function isAnyAddress(cidr: string): boolean {
  const slash = cidr.lastIndexOf('/');
  return slash > 0 && /^0+$/.test(cidr.slice(slash + 1).trim());
}
