import { asString } from '../../values';
import { REF } from '../references';
import type { Rule } from '../rule';
import { describeContainer, forEachContainer } from '../visit';
import { canonicalPrefix, hostOf, isUnder, qualifiedRepository } from '../../model/image-registry';

export interface UntrustedRegistryOptions {
  /** Registry hosts or host/path prefixes (`ghcr.io/my-org`) whose images are accepted. */
  trustedRegistries: string[];
}

export const untrustedRegistry: Rule<UntrustedRegistryOptions> = {
  meta: {
    id: 'untrusted-registry',
    title: 'Image from an untrusted registry',
    description: 'A container image comes from a registry, or a path of a registry, that is not listed in the `trustedRegistries` option.',
    severity: 'error',
    category: 'supply-chain',
    tags: ['supply-chain', 'cis', 'nsa'],
    help: `Every image is code that runs in the cluster. Pulling from public registries or personal
namespaces means trusting whoever can push there: a typo-squatted name, a hijacked account or a
compromised upstream image reaches the cluster on the next rollout. Organisations usually
mirror, scan and sign what they run in a registry they control.

**This rule reports nothing until \`trustedRegistries\` is configured** (the default list is
empty). Entries are registry hosts (\`registry.example.com\`, \`localhost:5000\`) or host/path
prefixes (\`ghcr.io/my-org\`), matched by whole path segments. Image references are resolved as
the container runtime does: without a registry host (a first segment containing \`.\` or \`:\`,
or \`localhost\`) an image comes from \`docker.io\`, and one-segment names from
\`docker.io/library\`; so \`nginx\` is \`docker.io/library/nginx\`.

**Fix:** mirror the image into a trusted registry and reference it there, or add its registry to
the list:

\`\`\`yaml
# .k8s-lint.yaml
rules:
  untrusted-registry:
    options:
      trustedRegistries: ["registry.example.com", "ghcr.io/my-org", "docker.io/library"]
\`\`\``,
    references: [
      REF.cis('5.5.1', 'Configure Image Provenance using ImagePolicyWebhook admission controller'),
      REF.nsaHardening,
      REF.images,
      REF.mitre('T1525', 'Implant Internal Image'),
    ],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        trustedRegistries: {
          type: 'array',
          uniqueItems: true,
          // A host with optional port, then optional path segments; no scheme, tag or digest.
          items: { type: 'string', pattern: '^[A-Za-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*/?$' },
        },
      },
    },
  },
  defaultOptions: { trustedRegistries: [] },
  check(context) {
    const trusted = context.options.trustedRegistries.map(canonicalPrefix);
    if (trusted.length === 0) return;
    forEachContainer(context, (container, pod) => {
      const image = asString(container.spec.image)?.trim();
      if (image === undefined || image === '') return;
      const repository = qualifiedRepository(image);
      if (trusted.some((prefix) => isUnder(repository, prefix))) return;
      context.report(
        pod.resource,
        [...container.path, 'image'],
        `image "${image}" of ${describeContainer(container)} comes from registry "${hostOf(repository)}" (${repository}), which is not in trustedRegistries`,
      );
    });
  },
};
