import { hasValidDigest, parseImage } from '../../model/image';
import { asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer, forEachContainer } from '../visit';

export const imageLatestTag: Rule = {
  meta: {
    id: 'image-latest-tag',
    title: 'Image uses latest or no tag',
    description: 'A container image has no tag or the `latest` tag, and no digest.',
    severity: 'warning',
    category: 'images',
    tags: ['supply-chain'],
    help: `An image without a tag means \`:latest\`, and \`latest\` moves whenever someone pushes.
The code that runs then changes without a change to the manifest: a compromised or broken push
reaches the cluster on the next pod restart, nobody can tell which version is running, and a
rollback does not roll anything back. Images pinned by digest are not reported.

**Fix:** use an immutable version tag, or better a digest:

\`\`\`yaml
containers:
  - name: app
    image: ghcr.io/example/app:1.4.2@sha256:<digest>
\`\`\``,
    references: [REF.images, REF.nsaHardening],
  },
  defaultOptions: {},
  check(context) {
    forEachContainer(context, (container, pod) => {
      const image = asString(container.spec.image);
      if (image === undefined || image === '') return;
      const reference = parseImage(image);
      if (hasValidDigest(reference)) return;
      if (reference.tag !== undefined && reference.tag !== 'latest') return;
      const problem = reference.tag === undefined ? 'has no tag (so it means latest)' : 'uses the latest tag';
      context.report(pod.resource, [...container.path, 'image'], `image "${image}" of ${describeContainer(container)} ${problem}`);
    });
  },
};
