import { asString } from '../../values';
import type { Rule } from '../rule';
import { ISTIO_REF } from '../../model/istio';

const ISTIO_NAMESPACE_LABEL = 'istio-injection';
const ISTIO_POD_KEY = 'sidecar.istio.io/inject';
const LINKERD_KEY = 'linkerd.io/inject';

export const meshInjectionDisabled: Rule = {
  meta: {
    id: 'mesh-injection-disabled',
    title: 'Service mesh sidecar injection disabled',
    description: 'A Namespace or a pod template explicitly opts out of Istio or Linkerd proxy injection.',
    severity: 'note',
    category: 'service-mesh',
    tags: ['istio', 'linkerd', 'mtls'],
    help: `Pods without the mesh proxy are outside the mesh: they neither present a workload
identity nor encrypt their traffic, mesh authorization policies do not apply to their inbound
traffic, and a STRICT mutual TLS policy either cuts them off or gets weakened to let them in.
An explicit opt-out is sometimes right (node agents, \`hostNetwork\` pods, some Jobs), but it
should be a visible, reviewed decision, which is why this is a note.

Reported, at the label or annotation itself:

- a Namespace labelled \`istio-injection: disabled\`;
- a pod template with \`sidecar.istio.io/inject: "false"\`: the label, or the annotation when
  there is no such label (Istio prefers the label when both are present);
- a Namespace or a pod template annotated \`linkerd.io/inject: disabled\`.

**Fix:** remove the opt-out so that the namespace's injection setting applies, or enable
injection explicitly:

\`\`\`yaml
spec:
  template:
    metadata:
      labels:
        sidecar.istio.io/inject: "true"
\`\`\`

Jobs used to opt out because the sidecar kept them from completing; with native sidecar
containers (Kubernetes 1.29+, Istio 1.19+) this is no longer needed. Where the opt-out is
intended, suppress the finding with a reason.`,
    references: [ISTIO_REF.sidecarInjection, ISTIO_REF.linkerdInjection, ISTIO_REF.securityBestPractices],
  },
  defaultOptions: {},
  check(context) {
    for (const resource of context.resources) {
      if (resource.kind !== 'Namespace' || resource.apiVersion !== 'v1') continue;
      const name = resource.name ?? '<unnamed>';
      if (asString(resource.labels[ISTIO_NAMESPACE_LABEL]) === 'disabled') {
        context.report(resource, ['metadata', 'labels', ISTIO_NAMESPACE_LABEL], `namespace "${name}" disables Istio sidecar injection`);
      }
      if (asString(resource.annotations[LINKERD_KEY]) === 'disabled') {
        context.report(resource, ['metadata', 'annotations', LINKERD_KEY], `namespace "${name}" disables Linkerd proxy injection`);
      }
    }
    for (const pod of context.podTemplates) {
      const owner = `${pod.resource.kind} "${pod.resource.name ?? '<unnamed>'}"`;
      // Istio reads the label when present and ignores the annotation then.
      const labelled = Object.prototype.hasOwnProperty.call(pod.labels, ISTIO_POD_KEY);
      const where = labelled ? 'labels' : 'annotations';
      const istio = asString((labelled ? pod.labels : pod.annotations)[ISTIO_POD_KEY]);
      if (istio === 'false') {
        context.report(pod.resource, [...pod.metadataPath, where, ISTIO_POD_KEY], `pods of ${owner} opt out of Istio sidecar injection`);
      }
      if (asString(pod.annotations[LINKERD_KEY]) === 'disabled') {
        context.report(pod.resource, [...pod.metadataPath, 'annotations', LINKERD_KEY], `pods of ${owner} opt out of Linkerd proxy injection`);
      }
    }
  },
};
