import { hasValidDigest, parseImage } from '../../model/image';
import { asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer, forEachContainer } from '../visit';

export const imageNotPinnedByDigest: Rule = {
  meta: {
    id: 'image-not-pinned-by-digest',
    title: 'Image not pinned by digest',
    description: 'A container image is referenced by tag only, without an `@sha256:` digest.',
    severity: 'note',
    category: 'images',
    tags: ['supply-chain'],
    help: `Tags are mutable: whoever can push to the registry can make \`app:1.4.2\` point at
different content. A digest names exactly one image, so what was reviewed is what runs. This rule
is a note by default because pinning usually comes with tooling (Renovate, Dependabot, Flux or
Argo CD image automation) that keeps digests up to date.

**Fix:**

\`\`\`yaml
containers:
  - name: app
    image: ghcr.io/example/app:1.4.2@sha256:<digest>
\`\`\``,
    references: [REF.images],
  },
  defaultOptions: {},
  check(context) {
    forEachContainer(context, (container, pod) => {
      const image = asString(container.spec.image);
      if (image === undefined || image === '' || hasValidDigest(parseImage(image))) return;
      context.report(pod.resource, [...container.path, 'image'], `image "${image}" of ${describeContainer(container)} is not pinned by digest`);
    });
  },
};
