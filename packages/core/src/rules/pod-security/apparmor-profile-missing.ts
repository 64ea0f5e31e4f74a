import type { Container, PodTemplate } from '../../model/pod';
import type { FieldPath } from '../../types';
import { asRecord, asString } from '../../values';
import { REF } from '../references';
import { REPORT_UNSET_DEFAULTS, REPORT_UNSET_SCHEMA, type ReportUnsetOptions } from '../report-unset';
import type { Rule } from '../rule';
import { forEachLinuxContainer } from '../visit';
import { podProfile } from '../../model/security-profile';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

type Verdict = 'confined' | 'unconfined' | 'invalid';

interface AppArmorSetting {
  verdict: Verdict;
  /** How the setting reads, for messages: `type Unconfined`, `annotation value "unconfined"`. */
  shown: string;
  path: FieldPath;
}

function fromField(value: unknown, path: FieldPath): AppArmorSetting {
  const type = asString(asRecord(value)?.type);
  const verdict: Verdict = type === 'RuntimeDefault' || type === 'Localhost' ? 'confined' : type === 'Unconfined' ? 'unconfined' : 'invalid';
  return { verdict, shown: type === undefined ? 'no type' : `type ${type}`, path: [...path, 'type'] };
}

function fromAnnotation(value: unknown, path: FieldPath): AppArmorSetting {
  const text = asString(value) ?? '';
  const verdict: Verdict = text === 'runtime/default' || text.startsWith('localhost/') ? 'confined' : text === 'unconfined' ? 'unconfined' : 'invalid';
  return { verdict, shown: `annotation value ${JSON.stringify(value)}`, path };
}

/** The AppArmor setting the kubelet applies: the container's field, its annotation, then the pod's field. */
function appArmorOf(pod: PodTemplate, container: Container): AppArmorSetting | undefined {
  const own = container.securityContext.appArmorProfile;
  if (own !== undefined && own !== null) return fromField(own, [...container.path, 'securityContext', 'appArmorProfile']);
  const key = `${ANNOTATION_PREFIX}${container.name}`;
  const annotation = pod.annotations[key];
  if (annotation !== undefined && annotation !== null) return fromAnnotation(annotation, [...pod.metadataPath, 'annotations', key]);
  const podLevel = podProfile(pod, 'appArmorProfile');
  return podLevel ? fromField(podLevel.value, podLevel.path) : undefined;
}

export const appArmorProfileMissing: Rule<ReportUnsetOptions> = {
  meta: {
    id: 'apparmor-profile-missing',
    title: 'Container without an explicit AppArmor profile',
    description:
      'A Linux container sets no AppArmor profile (`appArmorProfile` of the container or pod, or the per-container annotation), or sets `Unconfined`.',
    severity: 'note',
    category: 'pod-security',
    tags: ['pss-baseline', 'nsa'],
    help: `AppArmor confines what a process may do to files, mounts, signals and the network,
independently of the user it runs as. On nodes with AppArmor enabled the container runtime
applies its default profile when nothing is set, but only an explicit profile is guaranteed:
the kubelet refuses a pod that asks for a profile on a node that cannot enforce it, instead of
silently running it unconfined, and the intent survives a change of runtime or node image.
\`Unconfined\` switches the protection off and is forbidden by the Baseline Pod Security
Standard. This is a \`note\` because the runtime default usually applies anyway.

The container's \`securityContext.appArmorProfile\` wins, then the annotation
\`container.apparmor.security.beta.kubernetes.io/<container>\` on the pod template
(\`runtime/default\`, \`localhost/<profile>\`), then the pod's
\`spec.securityContext.appArmorProfile\`. Windows pods are not checked.

**Fix:** set the runtime default for the whole pod (Kubernetes 1.30 and later):

\`\`\`yaml
spec:
  securityContext:
    appArmorProfile:
      type: RuntimeDefault
\`\`\``,
    optionsSchema: REPORT_UNSET_SCHEMA,
    references: [
      {
        title: 'Kubernetes: Restrict a Container\'s Access to Resources with AppArmor',
        url: 'https://kubernetes.io/docs/tutorials/security/apparmor/',
      },
      REF.pssBaseline,
      REF.nsaHardening,
      REF.mitre('T1611', 'Escape to Host'),
    ],
  },
  defaultOptions: REPORT_UNSET_DEFAULTS,
  check(context) {
    forEachLinuxContainer(context, (container, pod, who) => {
      const setting = appArmorOf(pod, container);
      if (!setting) {
        if (!context.options.reportUnset) return;
        context.report(
          pod.resource,
          [...container.path, 'securityContext', 'appArmorProfile'],
          `${who} sets no AppArmor profile: neither it, its annotation nor its pod asks for RuntimeDefault or Localhost`,
        );
        return;
      }
      if (setting.verdict === 'confined') return;
      const problem = setting.verdict === 'unconfined' ? 'runs without AppArmor' : 'has no valid AppArmor profile';
      context.report(pod.resource, setting.path, `${who} ${problem} (${setting.shown})`);
    });
  },
};
