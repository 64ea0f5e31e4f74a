import type { Severity } from '../types';

/** Which objects a custom rule checks: shaped like a ValidatingAdmissionPolicy's `matchConstraints`. */
export interface CustomRuleMatch {
  /** API groups (`""` for the core group, `"*"` for any). Absent: any. */
  apiGroups?: string[];
  /** Kinds (`"*"` for any). Absent: any. */
  kinds?: string[];
  excludeKinds?: string[];
  /** Namespaces the object lands in (as placed: manifest, kustomization or `defaultNamespace`). Absent: any, cluster-scoped objects too. */
  namespaces?: string[];
  /** A metav1.LabelSelector over the object's own labels (VAP's `objectSelector`). */
  labelSelector?: Record<string, unknown>;
}

export interface CustomRuleVariable {
  name: string;
  expression: string;
}

export interface CustomRuleValidation {
  /** CEL, must return a bool: false is a finding. */
  expression: string;
  message?: string;
  /** CEL returning the message (a string). */
  messageExpression?: string;
  /** The field the finding points at: `spec.template.spec.containers[0].image`. */
  path?: string;
  /** CEL returning that field path (text, or a list of keys and indexes). */
  pathExpression?: string;
}

/** One entry of `customRules:` in `.k8s-lint.yaml`, as the schema lets it through. */
export interface CustomRuleConfig {
  id: string;
  severity?: Severity;
  title: string;
  description?: string;
  /** Markdown. */
  help?: string;
  match?: CustomRuleMatch;
  /** `params` in expressions; `rules.<id>.options` is merged over it. */
  params?: Record<string, unknown>;
  variables?: CustomRuleVariable[];
  validations: CustomRuleValidation[];
}
