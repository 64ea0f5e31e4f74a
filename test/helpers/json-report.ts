/** The JSON report of `k8s-lint --format json`, as documented in the README's JSON contract. */
export interface JsonObjectRef {
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string | null;
  /** `manifest`, `kustomization:<path>`, `config` or `unknown`; absent for objects of rendered output. */
  namespaceSource?: string;
}

export interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'note';
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  object: JsonObjectRef | null;
  path: string;
  suppressed: boolean;
  suppression: { via: string; reason: string | null } | null;
  source: string | null;
}

export interface JsonReport {
  tool: { name: string; version: string };
  summary: {
    files: number;
    objects: number;
    findings: number;
    errors: number;
    warnings: number;
    notes: number;
    suppressed: number;
    baselined?: number;
    skipped: number;
    unvalidated?: number;
  };
  findings: JsonFinding[];
}
