import { WORKLOAD_KINDS } from '../model/pod';
import type { Resource } from '../model/resource';
import { asRecord, asString } from '../values';

/**
 * Which context files are worth parsing, decided on their bytes before any YAML is parsed: a
 * one-file run in a 20,000-file repository must not parse the repository.
 *
 * Context objects only matter to the cross-object rules (their own findings are dropped), and
 * those read, besides the object they report on, only these kinds:
 * - NetworkPolicy (missing-network-policy, missing-default-deny), Namespace (mesh injection,
 *   namespace labels), ServiceAccount (service-account rules), Role/ClusterRole and bindings
 *   (rbac-*: bound roles, aggregated ClusterRoles), PeerAuthentication/DestinationRule (Istio),
 *   CustomResourceDefinition (schema-invalid), AppProject (Argo CD);
 * - workloads, only when the report set holds an object whose rule looks for pods: a Service
 *   (service-selector-matches-nothing), a NetworkPolicy (network-policy-selects-nothing) or a
 *   PeerAuthentication (istio-mtls-not-strict counts the namespaces that run workloads).
 * Rules that read one object at a time need nothing from the context.
 *
 * Cross-object rules match objects of the same namespace, or cluster-scoped ones; so a file is
 * parsed when it names one of those kinds and either names a namespace of the report set, names
 * a cluster-scoped kind, or may hold an object without `namespace` (its namespace then comes
 * from elsewhere: the default, or a kustomization). The scan errs on the side of parsing: a
 * false match costs a parse, never a finding.
 */
const CONTEXT_KINDS = [
  'NetworkPolicy',
  'Namespace',
  'ServiceAccount',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'PeerAuthentication',
  'DestinationRule',
  'CustomResourceDefinition',
  'AppProject',
  // Admission policies of the repository apply to the report set (vap/<policy>).
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  // The cluster's Pod Security defaults and exemptions (pss/cluster-defaults.ts).
  'AdmissionConfiguration',
  'PodSecurityConfiguration',
];
const CLUSTER_SCOPED = [
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'AdmissionConfiguration',
  'PodSecurityConfiguration',
];
/** Report-set kinds whose cross-object rules look for the workloads of their namespace. */
const KINDS_THAT_READ_WORKLOADS = new Set(['Service', 'NetworkPolicy', 'PeerAuthentication']);

export interface ContextScan {
  /** Whether a context file's text may hold an object the report set's cross-object rules read. */
  mayMatter(text: string): boolean;
}

/** The scan for a report set (its objects) whose objects without a namespace land in `defaultNamespace`. */
export function contextScanFor(reportObjects: readonly Resource[], customKinds: { kinds: readonly string[]; all: boolean } = { kinds: [], all: false }): ContextScan {
  const kinds = [...CONTEXT_KINDS];
  if (reportObjects.some((resource) => KINDS_THAT_READ_WORKLOADS.has(resource.kind))) kinds.push(...WORKLOAD_KINDS);
  const kindPattern = kindLinePattern(kinds);
  const clusterScopedPattern = kindLinePattern(CLUSTER_SCOPED);
  // A report object without a namespace may land anywhere (default, a kustomization's): then
  // every namespace is the report set's, and only the kinds filter.
  const anyNamespace = reportObjects.some((resource) => resource.namespace === null);
  const namespaces = [...new Set(reportObjects.map((resource) => resource.namespace).filter((name): name is string => name !== null))];
  const namespacePattern = namespaces.length > 0 ? new RegExp(`(?<![\\w.-])(?:${namespaces.map(escapeRegExp).join('|')})(?![\\w.-])`) : null;
  // Params of the report set's admission policies, and the kinds custom rules look up in `objects`: in any namespace.
  const paramKinds = reportObjects.flatMap((resource) => admissionParamKind(resource.object) ?? []);
  const anywhere = customKinds.all ? ANY_KIND_SCAN : kindsScanFor(new Set([...paramKinds, ...customKinds.kinds]));
  return {
    mayMatter(text) {
      if (anywhere?.mayMatter(text)) return true;
      if (!kindPattern.test(text)) return false;
      if (anyNamespace || clusterScopedPattern.test(text)) return true;
      return (namespacePattern?.test(text) ?? false) || mayHoldObjectWithoutNamespace(text);
    },
  };
}

/**
 * More `kind` keys than `namespace` keys: some object may have no namespace. (A RoleBinding's
 * subjects and roleRef add kinds too, which only makes the file parsed.)
 */
function mayHoldObjectWithoutNamespace(text: string): boolean {
  return count(text, /["']?\bkind["']?\s*:/g) > count(text, /["']?\bnamespace["']?\s*:/g);
}

/** The kind of the params of a ValidatingAdmissionPolicy (a ReplicaLimit, a ConfigMap), if the object is one that has params. */
export function admissionParamKind(object: unknown): string | undefined {
  const record = asRecord(object);
  if (record?.kind !== 'ValidatingAdmissionPolicy') return undefined;
  const kind = asString(asRecord(asRecord(record.spec)?.paramKind)?.kind);
  return kind !== undefined && /^[A-Za-z][A-Za-z0-9]*$/.test(kind) ? kind : undefined;
}

/**
 * Files that may hold any object of those kinds, in any namespace: params of admission policies (a
 * binding's paramRef may name another namespace), kinds custom rules look up. Null when there are
 * no such kinds. Kinds may be user-written: they are escaped.
 */
export function kindsScanFor(kinds: ReadonlySet<string>): ContextScan | null {
  if (kinds.size === 0) return null;
  const pattern = kindLinePattern([...kinds].map(escapeRegExp));
  return { mayMatter: (text) => pattern.test(text) };
}

/** Every file with a `kind` key: custom rules that look kinds up by value read them all. */
const ANY_KIND_SCAN: ContextScan = { mayMatter: (text) => /["']?kind["']?\s*:/m.test(text) };

/** A `kind: <one of kinds>` line, quoted or not, in block or flow style (kinds are pattern sources). */
function kindLinePattern(kinds: readonly string[]): RegExp {
  return new RegExp(`["']?kind["']?\\s*:\\s*["']?(?:${kinds.join('|')})["']?\\s*(?:$|[,}#])`, 'm');
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
