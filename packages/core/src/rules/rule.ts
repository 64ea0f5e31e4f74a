import type { PodTemplate } from '../model/pod';
import type { Resource } from '../model/resource';
import type { FieldPath, Severity } from '../types';
import type { KubernetesVersion } from '../kubernetes-schema/kubernetes-versions';

export type RuleCategory =
  | 'syntax'
  | 'pod-security'
  | 'pod-security-standards'
  | 'resources'
  | 'images'
  | 'network'
  | 'rbac'
  | 'secrets'
  | 'service-accounts'
  | 'exposure'
  | 'service-mesh'
  | 'supply-chain'
  | 'gitops'
  | 'admission-policies'
  | 'cluster-config'
  | 'schema'
  | 'custom';

/** Which rules run: everything (`default`), or exactly the Pod Security Standards checks of a level. */
export type Profile = 'default' | 'pss-baseline' | 'pss-restricted';

export const PROFILES: readonly Profile[] = ['default', 'pss-baseline', 'pss-restricted'];

/** Settings of the run that rules may read. */
export interface RunSettings {
  profile: Profile;
  /** Policy version for `pss-*` profiles: `latest` or `v1.N`. */
  pssVersion: string;
  /** Kubernetes version whose bundled API schemas `schema-invalid` validates against. */
  kubernetesVersion: KubernetesVersion;
}

export interface RuleReference {
  title: string;
  url: string;
}

export interface RuleMeta {
  id: string;
  /** Short, sentence case, no trailing period: used as a heading. */
  title: string;
  /** One sentence saying what is reported. */
  description: string;
  severity: Severity;
  category: RuleCategory;
  tags: readonly string[];
  /** Markdown: why it matters and how to fix it, with a YAML snippet. */
  help: string;
  references: readonly RuleReference[];
  /** JSON Schema for the rule's options in `.k8s-lint.yaml`, when it has any. */
  optionsSchema?: Readonly<Record<string, unknown>>;
  /** GitHub code scanning's 0–10 score; derived from severity when absent. */
  securitySeverity?: number;
  /**
   * False for rules too noisy for ordinary repositories: they run only when `.k8s-lint.yaml`
   * gives them a severity. Their docs say so.
   */
  enabledByDefault?: boolean;
}

/** A field of another object that explains a finding: the role rule that grants what a binding is reported for. */
export interface RelatedField {
  resource: Resource;
  path: FieldPath;
  message: string;
}

export interface RuleContext<Options> {
  readonly resources: readonly Resource[];
  /** Pod templates of every workload in the linted set (Pod, Deployment, CronJob, ...). */
  readonly podTemplates: readonly PodTemplate[];
  readonly options: Options;
  readonly settings: RunSettings;
  /**
   * Reports a finding at `path` (relative to the resource root; need not exist), with the rule's
   * configured severity unless `severity` says otherwise.
   */
  report(resource: Resource, path: FieldPath, message: string, severity?: Severity, related?: readonly RelatedField[]): void;
  /**
   * A family rule's report (rule-family.ts) under the member id `<rule id>/<member>`, e.g.
   * `vap/<policy-name>`; otherwise as `report`.
   */
  reportMember?(member: string, resource: Resource, path: FieldPath, message: string, severity?: Severity): void;
  /** Counts an object the rule could not check (no schema known); shown as `unvalidated` in the summary. */
  markUnvalidated?(resource: Resource): void;
  /**
   * Whether another rule runs in this run: a default rule and its `pss/` counterpart use it so
   * that a field is reported once. Absent means no other rule is known to run.
   */
  isRuleActive?(ruleId: string): boolean;
}

export interface Rule<Options = Record<string, never>> {
  meta: RuleMeta;
  defaultOptions: Options;
  // Method syntax keeps rules with different option types assignable to one registry type.
  check(context: RuleContext<Options>): void;
}

export type AnyRule = Rule<unknown>;

export function securitySeverityOf(meta: RuleMeta): number {
  if (meta.securitySeverity !== undefined) return meta.securitySeverity;
  return meta.severity === 'error' ? 8.0 : meta.severity === 'warning' ? 5.0 : 2.0;
}
