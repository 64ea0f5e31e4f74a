import type { FieldPath } from '../types';
import { asRecord, asString, getIn, type JsonRecord } from '../values';
import { apiGroup } from './api-group';
import { argoApps, sourcesOf } from './argocd';
import { parseEmbeddedYaml } from './embedded-yaml';
import { FLUX_HELM_GROUP } from './flux';
import type { Resource } from './resource';

/** Values that a GitOps object passes to a Helm chart, as written in the object. */
export interface ChartValues {
  /** The object; for values written as a string, it locates paths inside the string. */
  resource: Resource;
  /** Where the values are in the object: a map, or the string holding them. */
  path: FieldPath;
  values: unknown;
  /** `chart "podinfo"`, `the chart at path "charts/web"`: for messages. */
  chart: string;
}

/**
 * Flux HelmRelease `spec.values`, and Argo CD Application and ApplicationSet template
 * `helm.valuesObject` and `helm.values` (a YAML string) of every source Argo CD uses.
 * Values read from elsewhere (Flux `valuesFrom`, Argo CD `valueFiles`, chart defaults) are not seen.
 */
export function chartValuesOf(resources: readonly Resource[]): ChartValues[] {
  const found: ChartValues[] = [];
  for (const resource of resources) {
    if (resource.kind !== 'HelmRelease' || apiGroup(resource) !== FLUX_HELM_GROUP) continue;
    const spec = asRecord(resource.object.spec);
    if (asRecord(spec?.values)) found.push({ resource, path: ['spec', 'values'], values: spec?.values, chart: fluxChart(spec ?? {}) });
  }
  for (const app of argoApps(resources)) {
    for (const { source, path } of sourcesOf(app)) {
      const helm = asRecord(source.helm);
      if (!helm) continue;
      const chart = argoChart(source);
      if (asRecord(helm.valuesObject)) found.push({ resource: app.resource, path: [...path, 'helm', 'valuesObject'], values: helm.valuesObject, chart });
      const text = asString(helm.values);
      if (text === undefined) continue;
      const embedded = parseEmbeddedYaml(app.resource, [...path, 'helm', 'values'], text);
      if (embedded) found.push({ resource: app.resource, path: [...path, 'helm', 'values'], values: embedded.value, chart });
    }
  }
  return found;
}

function fluxChart(spec: JsonRecord): string {
  const name = asString(getIn(spec, ['chart', 'spec', 'chart']));
  if (name) return `chart "${name}"`;
  const ref = asRecord(spec.chartRef);
  const refName = asString(ref?.name);
  return refName ? `the chart of ${asString(ref?.kind) ?? 'chartRef'} "${refName}"` : 'its chart';
}

function argoChart(source: JsonRecord): string {
  const chart = asString(source.chart);
  if (chart) return `chart "${chart}"`;
  const path = asString(source.path);
  if (path !== undefined) return `the chart at path "${path}"`;
  const repo = asString(source.repoURL);
  return repo ? `the chart of "${repo}"` : 'its chart';
}
