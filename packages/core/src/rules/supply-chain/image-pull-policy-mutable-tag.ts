import { hasValidDigest, parseImage } from '../../model/image';
import { asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer, forEachContainer } from '../visit';

export const imagePullPolicyMutableTag: Rule = {
  meta: {
    id: 'image-pull-policy-mutable-tag',
    title: 'Mutable image tag without imagePullPolicy: Always',
    description: 'A container image is referenced by a tag, not a digest, and its `imagePullPolicy` lets nodes run whatever image they cached under that tag.',
    severity: 'note',
    category: 'supply-chain',
    tags: ['supply-chain', 'images'],
    help: `Tags move. With \`imagePullPolicy: IfNotPresent\` or \`Never\` each node runs the image it
cached under the tag, so pods of one Deployment can run different code, a fixed image does not
reach nodes that already have the broken one, and on a shared node a pod can start from an
image pulled earlier by someone else without the registry checking its credentials. When the
field is absent Kubernetes uses \`Always\` only for \`:latest\` and untagged images, and
\`IfNotPresent\` for every other tag — so \`app:1.4\` without a policy is reported too.
Images pinned by digest are immutable and never reported. This is a \`note\`: immutable tags
enforced by the registry make it harmless.

**Fix:** pin the image by digest (best), or make the kubelet check the registry on every start:

\`\`\`yaml
containers:
  - name: app
    image: ghcr.io/example/app:1.4.2@sha256:<digest>
    # or
    imagePullPolicy: Always
\`\`\``,
    references: [REF.images, REF.nsaHardening, REF.mitre('T1525', 'Implant Internal Image')],
  },
  defaultOptions: {},
  check(context) {
    forEachContainer(context, (container, pod) => {
      const image = asString(container.spec.image)?.trim();
      if (image === undefined || image === '') return;
      const reference = parseImage(image);
      if (hasValidDigest(reference)) return;
      const policy = container.spec.imagePullPolicy;
      if (policy === 'Always') return;
      const who = `image "${image}" of ${describeContainer(container)}`;
      const path = [...container.path, 'imagePullPolicy'];
      if (policy !== undefined && policy !== null) {
        context.report(pod.resource, path, `${who} is not pinned by digest and imagePullPolicy is ${JSON.stringify(policy)}, not Always`);
        return;
      }
      const tag = reference.tag;
      if (tag === undefined || tag === 'latest') return;
      context.report(pod.resource, path, `${who} uses mutable tag "${tag}" without imagePullPolicy, which then defaults to IfNotPresent`);
    });
  },
};
