import type { Resource } from './resource';
import type { FieldPath } from '../types';
import { asArray, asName, asRecord, getIn, type JsonRecord } from '../values';
import type { RuleReference } from '../rules/rule';
import { apiGroup } from './api-group';

/** An Argo CD Application spec: an Application's own, or the template of an ApplicationSet. */
export interface ArgoApp {
  resource: Resource;
  spec: JsonRecord;
  /** `['spec']`, or `['spec', 'template', 'spec']` for an ApplicationSet. */
  specPath: FieldPath;
  /** `Application "web"` or `ApplicationSet "teams"`, for messages. */
  label: string;
}

export function argoApps(resources: readonly Resource[]): ArgoApp[] {
  const apps: ArgoApp[] = [];
  for (const resource of resources) {
    if (apiGroup(resource) !== 'argoproj.io') continue;
    const specPath: FieldPath | undefined =
      resource.kind === 'Application' ? ['spec'] : resource.kind === 'ApplicationSet' ? ['spec', 'template', 'spec'] : undefined;
    if (!specPath) continue;
    const spec = asRecord(getIn(resource.object, specPath));
    // An Application without a spec map is malformed; an ApplicationSet may build it with templatePatch.
    if (!spec) continue;
    apps.push({ resource, spec, specPath, label: `${resource.kind} "${resource.name ?? '<unnamed>'}"` });
  }
  return apps;
}

/** ApplicationSet parameters (`{{cluster}}`, `{{ .path.basename }}`): unknown until generation. */
export function isTemplated(value: string): boolean {
  return value.includes('{{');
}

/**
 * The `automated` block when automated sync is on: present as a map and not switched off with
 * `enabled: false` (Argo CD 3.x; `IsAutomatedSyncEnabled`).
 */
export function enabledAutomation(app: ArgoApp): JsonRecord | undefined {
  const automated = asRecord(getIn(app.spec, ['syncPolicy', 'automated']));
  if (!automated || automated.enabled === false) return undefined;
  return automated;
}

/** `spec.project` as written; undefined when absent, null or empty, which Argo CD reads as `default`. */
export function projectOf(app: ArgoApp): string | undefined {
  const project = asName(app.spec.project);
  return project === '' ? undefined : project;
}

/** True when the app lands in the `default` project; templated or malformed projects are not known. */
export function usesDefaultProject(app: ArgoApp): boolean {
  const raw = app.spec.project;
  if (raw === undefined || raw === null || raw === '') return true;
  return asName(raw) === 'default';
}

export interface ArgoSource {
  source: JsonRecord;
  path: FieldPath;
}

/**
 * The sources Argo CD actually uses, as `ApplicationSpec.GetSources` picks them: the hydrator's
 * dry source, else `sources` when non-empty, else `source`.
 */
export function sourcesOf(app: ArgoApp): ArgoSource[] {
  const drySource = asRecord(getIn(app.spec, ['sourceHydrator', 'drySource']));
  if (drySource) return [{ source: drySource, path: [...app.specPath, 'sourceHydrator', 'drySource'] }];
  const sources = asArray(app.spec.sources);
  if (sources.length > 0) {
    return sources.flatMap((entry, index) => {
      const source = asRecord(entry);
      return source ? [{ source, path: [...app.specPath, 'sources', index] }] : [];
    });
  }
  const single = asRecord(app.spec.source);
  return single ? [{ source: single, path: [...app.specPath, 'source'] }] : [];
}

export const ARGO_REF = {
  projects: {
    title: 'Argo CD: Projects (the default project)',
    url: 'https://argo-cd.readthedocs.io/en/stable/user-guide/projects/#the-default-project',
  },
  autoSync: {
    title: 'Argo CD: Automated sync policy',
    url: 'https://argo-cd.readthedocs.io/en/stable/user-guide/auto_sync/',
  },
  tracking: {
    title: 'Argo CD: Tracking and deployment strategies',
    url: 'https://argo-cd.readthedocs.io/en/stable/user-guide/tracking_strategies/',
  },
  security: {
    title: 'Argo CD: Security',
    url: 'https://argo-cd.readthedocs.io/en/stable/operator-manual/security/',
  },
} as const satisfies Record<string, RuleReference>;
