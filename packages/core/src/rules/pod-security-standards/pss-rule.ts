import type { PodTemplate } from '../../model/pod';
import { formatPath } from '../../path';
import type { PssCheck, PssViolation } from '../../pss/check';
import { PSS_CHECKS } from '../../pss/checks';
import { admissionPolicies, PSS_RULE_PREFIX, rulesLeavingItToAdmission } from '../../pss/admission';
import type { PssPolicy } from '../../pss/policy';
import { checksAt, NEWEST_MINOR } from '../../pss/check-registry';
import { effectiveMinor, formatVersion } from '../../pss/version';
import type { Severity } from '../../types';
import { REF } from '../references';
import type { Rule } from '../rule';

export { PSS_RULE_PREFIX };

function describePolicy(policy: PssPolicy): string {
  return `"${policy.level}:${formatVersion(policy.version)}"`;
}

function messageFor(check: PssCheck, policy: PssPolicy, pod: PodTemplate, violation: PssViolation): string {
  const violates = `violates PodSecurity ${describePolicy(policy)}: ${check.reason} (${violation.detail})`;
  if (policy.mode === 'profile') return violates;
  // Which configuration decided: the Namespace's label, or the cluster default without one.
  const namespace = policy.clusterDefault === undefined ? `namespace "${policy.namespace ?? ''}"` : `cluster default (${policy.clusterDefault})`;
  const subject = pod.resource.kind === 'Pod' ? 'this pod' : `the pods of this ${pod.resource.kind}`;
  if (policy.mode === 'enforce') return `${namespace} would reject ${subject}: ${violates}`;
  if (policy.mode === 'warn') return `${namespace} would warn about ${subject}: ${violates}`;
  return `${namespace} would audit ${subject}: ${violates}`;
}

/** Namespace enforcement means rejection (error); warn and audit labels mean warnings. */
function severityFor(policy: PssPolicy): Severity | undefined {
  if (policy.mode === 'enforce') return 'error';
  if (policy.mode === 'warn' || policy.mode === 'audit') return 'warning';
  return undefined;
}

function firstSentence(markdown: string): string {
  const end = markdown.search(/\.(\s|$)/);
  const sentence = end < 0 ? markdown : markdown.slice(0, end + 1);
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

export function pssRule(check: PssCheck): Rule {
  return {
    meta: {
      id: `${PSS_RULE_PREFIX}${check.id}`,
      title: `Pod Security Standards: ${check.title}`,
      description: `Pod Security Admission check \`${check.id}\` (${check.level}): ${firstSentence(check.help)}`,
      severity: 'error',
      category: 'pod-security-standards',
      tags: [`pss-${check.level}`, 'pss'],
      help: `${check.help}

This is the admission controller's own check, evaluated offline at the policy version in force
(${check.versions.map((version) => `from v1.${version.minVersion}`).join(', ')}). It runs for the
workloads of a Namespace in the linted set that has \`pod-security.kubernetes.io/enforce\`
(errors: the namespace would reject the pods), \`warn\` or \`audit\` labels (warnings), for
namespaces without such a label when the linted set holds the cluster's Pod Security
\`AdmissionConfiguration\` with non-privileged defaults (its exemptions honoured), and for
every workload under \`--profile pss-${check.level}\`${check.level === 'baseline' ? ' and `--profile pss-restricted`' : ''}.

**Fix:** change the workload as the message says, or label the namespace with a less strict level
if that is what it really needs:

\`\`\`yaml
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: ${check.level}
    pod-security.kubernetes.io/enforce-version: latest
\`\`\``,
      references: [check.level === 'baseline' ? REF.pssBaseline : REF.pssRestricted, REF.podSecurityAdmission],
    },
    defaultOptions: {},
    check(context) {
      for (const pod of context.podTemplates) {
        const reported = new Set<string>();
        for (const policy of admissionPolicies(context, pod)) {
          const revision = checksAt(policy.level, effectiveMinor(policy.version, NEWEST_MINOR)).get(check.id);
          if (!revision) continue;
          for (const violation of revision.evaluate(pod)) {
            // The most severe policy asking about a field speaks for it.
            const key = formatPath(violation.path);
            if (reported.has(key)) continue;
            reported.add(key);
            // A default rule with the same condition leaves a rejected field to this finding; say so.
            const leftHere = rulesLeavingItToAdmission(context, pod, check.id, policy, violation.path);
            const covers = leftHere.length > 0 ? ` — reported here for ${leftHere.join(', ')} too` : '';
            context.report(pod.resource, violation.path, `${messageFor(check, policy, pod, violation)}${covers}`, severityFor(policy));
          }
        }
      }
    },
  };
}

export const PSS_RULES: readonly Rule[] = PSS_CHECKS.map(pssRule);
