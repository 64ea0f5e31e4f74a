import { asRecord, asString } from '../../values';
import { REF } from '../references';
import { REPORT_UNSET_DEFAULTS, REPORT_UNSET_SCHEMA, type ReportUnsetOptions } from '../report-unset';
import type { Rule } from '../rule';
import { forEachLinuxContainer } from '../visit';
import { containerProfile } from '../../model/security-profile';

const CONFINED = new Set(['RuntimeDefault', 'Localhost']);

export const seccompProfileMissing: Rule<ReportUnsetOptions> = {
  meta: {
    id: 'seccomp-profile-missing',
    title: 'Container without a seccomp profile',
    description:
      'A Linux container\'s effective `seccompProfile` (its own, else the pod\'s) is missing or `Unconfined` instead of `RuntimeDefault` or `Localhost`.',
    severity: 'warning',
    category: 'pod-security',
    tags: ['pss-restricted', 'cis', 'nsa'],
    help: `Seccomp filters the system calls a process may make. Kubernetes runs containers
\`Unconfined\` unless a profile is set (or the kubelet's \`--seccomp-default\` flag is on, which a
manifest cannot rely on), leaving the whole kernel interface — a large part of the container
escape surface — reachable. The container runtime's \`RuntimeDefault\` profile blocks dozens of
rarely needed, dangerous calls and almost never breaks an application.

The container's \`securityContext.seccompProfile\` overrides the pod's
(\`spec.securityContext.seccompProfile\`). Missing profiles are reported at the container;
\`Unconfined\` (or an unknown type) at the field that sets it. The deprecated
\`seccomp.security.alpha.kubernetes.io\` annotations are not considered. Windows pods
(\`spec.os.name: windows\`) are not checked.

**Fix:** set the profile once for the pod:

\`\`\`yaml
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
\`\`\``,
    optionsSchema: REPORT_UNSET_SCHEMA,
    references: [
      REF.cis('5.7.2', 'Ensure that the seccomp profile is set to docker/default in your pod definitions'),
      REF.pssRestricted,
      REF.nsaHardening,
      REF.securityContext,
      REF.mitre('T1611', 'Escape to Host'),
    ],
  },
  defaultOptions: REPORT_UNSET_DEFAULTS,
  check(context) {
    forEachLinuxContainer(context, (container, pod, who) => {
      const effective = containerProfile(pod, container, 'seccompProfile');
      if (!effective) {
        if (!context.options.reportUnset) return;
        context.report(
          pod.resource,
          [...container.path, 'securityContext', 'seccompProfile'],
          `${who} has no seccomp profile: neither it nor its pod sets seccompProfile.type to RuntimeDefault or Localhost`,
        );
        return;
      }
      const type = asString(asRecord(effective.value)?.type);
      if (type !== undefined && CONFINED.has(type)) return;
      const message =
        type === 'Unconfined'
          ? `${who} runs with seccomp profile Unconfined`
          : `${who} has no usable seccomp profile: seccompProfile.type is ${type === undefined ? 'not set' : `"${type}"`}, not RuntimeDefault or Localhost`;
      context.report(pod.resource, [...effective.path, 'type'], message);
    });
  },
};
